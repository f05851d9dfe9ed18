using TacoMail.Reconciler.Mailbox;

namespace TacoMail.Reconciler.Tests.Mailbox;

public sealed class MailboxKeyTests
{
    [Fact]
    public void TryParse_MessageKey_ReturnsDomainAliasAndName()
    {
        var message = MailboxKey.TryParse("mailbox/", new StoredObject("mailbox/xn--bcher-kva.example/shop/new/1.M2.host", 42));

        message.ShouldBe(new MailboxMessage("mailbox/xn--bcher-kva.example/shop/new/1.M2.host", "xn--bcher-kva.example", "shop", "1.M2.host", 42));
        message!.Address.ShouldBe("shop@xn--bcher-kva.example");
    }

    [Fact]
    public void TryParse_EmptyPrefix_ReadsTheKeyFromTheStart() =>
        MailboxKey.TryParse(string.Empty, new StoredObject("example.com/shop/new/1.M2.host", 1))!.Name.ShouldBe("1.M2.host");

    [Theory]
    [InlineData("incoming/abc")]
    [InlineData("mailbox/example.com/shop/cur/1.M2.host")]
    [InlineData("mailbox/example.com/shop/tmp/1.M2.host")]
    [InlineData("mailbox/example.com/shop/new/")]
    [InlineData("mailbox/example.com/shop/new/.1.M2.host")]
    [InlineData("mailbox/example.com/shop/new/1.M2.host:2,S")]
    [InlineData("mailbox/example.com/new/1.M2.host")]
    [InlineData("mailbox/example.com/shop/extra/new/1.M2.host")]
    [InlineData("mailbox//shop/new/1.M2.host")]
    public void TryParse_KeyOutsideTheLayout_ReturnsNull(string key) =>
        MailboxKey.TryParse("mailbox/", new StoredObject(key, 1)).ShouldBeNull();
}
