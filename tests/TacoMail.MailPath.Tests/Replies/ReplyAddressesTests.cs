using MimeKit;
using TacoMail.MailPath.Replies;

namespace TacoMail.MailPath.Tests.Replies;

public sealed class ReplyAddressesTests
{
    private static readonly MailboxAddress Jane = new("Jane Doe", "jane@sender.test");

    [Fact]
    public void New_ValidAddresses_KeepsThemAsGiven()
    {
        var addresses = new ReplyAddresses("shop@example.com", "owner@private.test", Jane);

        addresses.Alias.ShouldBe("shop@example.com");
        addresses.Destination.ShouldBe("owner@private.test");
        addresses.Correspondent.ShouldBeSameAs(Jane);
    }

    [Theory]
    [InlineData("", "owner@private.test")]
    [InlineData("  ", "owner@private.test")]
    [InlineData("shop", "owner@private.test")]
    [InlineData("shop@example.com", "")]
    [InlineData("shop@example.com", "owner")]
    public void New_EmptyOrNoAt_Throws(string alias, string destination)
    {
        Should.Throw<ArgumentException>(() => new ReplyAddresses(alias, destination, Jane));
    }

    [Fact]
    public void New_NullOrAddresslessCorrespondent_Throws()
    {
        Should.Throw<ArgumentNullException>(() => new ReplyAddresses("shop@example.com", "owner@private.test", null!));
        Should.Throw<ArgumentException>(() => new ReplyAddresses("shop@example.com", "owner@private.test", new MailboxAddress("Jane", "jane")));
    }

    [Fact]
    public void With_InvalidAddress_Throws()
    {
        var addresses = new ReplyAddresses("shop@example.com", "owner@private.test", Jane);

        Should.Throw<ArgumentException>(() => addresses with { Destination = "owner" });
    }
}
