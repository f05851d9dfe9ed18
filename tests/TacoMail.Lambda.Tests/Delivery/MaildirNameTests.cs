using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed class MaildirNameTests
{
    private static readonly ItemKey Alias = new("example.com", "newsletters");
    private static readonly DateTimeOffset Received = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Key_IsTheMailboxPathWithTimeUniqueAndHost()
    {
        var key = MaildirName.Key("mailbox/", Alias, "msg-1", Received);

        key.ShouldMatch(@"^mailbox/example\.com/newsletters/new/1746093600\.T[0-9a-f]{32}\.tacomail$");
    }

    [Fact]
    public void Key_SameMessageAndAlias_IsTheSameEveryTime()
    {
        MaildirName.Key("mailbox/", Alias, "msg-1", Received).ShouldBe(MaildirName.Key("mailbox/", Alias, "msg-1", Received));
    }

    [Fact]
    public void Key_OtherMessageOrAlias_Differs()
    {
        var key = MaildirName.FileName(Alias, "msg-1", Received);

        MaildirName.FileName(Alias, "msg-2", Received).ShouldNotBe(key);
        MaildirName.FileName(new ItemKey("example.com", "shop"), "msg-1", Received).ShouldNotBe(key);
    }
}
