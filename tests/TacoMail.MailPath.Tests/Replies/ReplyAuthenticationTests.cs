using System.Text;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Replies;
using TacoMail.Schema.Routing;

namespace TacoMail.MailPath.Tests.Replies;

public sealed class ReplyAuthenticationTests
{
    private const string Owner = "owner@destination.test";

    [Theory]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass, true)]
    [InlineData(VerdictStatus.Fail, VerdictStatus.Fail, VerdictStatus.Pass, true)]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Fail, VerdictStatus.Gray, true)]
    [InlineData(VerdictStatus.Fail, VerdictStatus.Pass, VerdictStatus.Gray, false)]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Fail, false)]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Missing, false)]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.ProcessingFailed, false)]
    [InlineData(VerdictStatus.Disabled, VerdictStatus.Disabled, VerdictStatus.Disabled, false)]
    public void Refusal_Verdicts_DmarcPassOrNoPolicyWithSpfPass(VerdictStatus spf, VerdictStatus dkim, VerdictStatus dmarc, bool accepted)
    {
        var refusal = ReplyAuthentication.Refusal(Owner, Fields($"From: Olive <{Owner}>\r\n"), Verdicts(spf, dkim, dmarc), Owner);

        (refusal is null).ShouldBe(accepted);
        if (!accepted)
        {
            refusal.ShouldNotBeNull().ShouldContain("did not authenticate");
        }
    }

    [Theory]
    [InlineData("mallory@stranger.test", "From: owner@destination.test\r\n", "envelope sender")]
    [InlineData(null, "From: owner@destination.test\r\n", "envelope sender")]
    [InlineData(Owner, "From: mallory@stranger.test\r\n", "From is not")]
    [InlineData(Owner, "From: owner@destination.test, mallory@stranger.test\r\n", "From is not")]
    [InlineData(Owner, "Subject: no from\r\n", "From is not")]
    [InlineData(Owner, "From: owner@destination.test\r\nSender: mallory@stranger.test\r\n", "Sender is not")]
    public void Refusal_AddressesOtherThanTheDestination_AreRefused(string? envelope, string block, string reason)
    {
        var refusal = ReplyAuthentication.Refusal(envelope, Fields(block), AllPass, Owner);

        refusal.ShouldNotBeNull().ShouldContain(reason);
        refusal.ShouldNotContain("@");
    }

    [Fact]
    public void Refusal_DestinationCase_DoesNotMatter() =>
        ReplyAuthentication.Refusal("Owner@Destination.TEST", Fields("From: OWNER@destination.test\r\n"), AllPass, Owner).ShouldBeNull();

    [Fact]
    public void Refusal_AliasFilesToTheMailbox_HasNoOneWhoMayReply() =>
        ReplyAuthentication.Refusal(Owner, Fields($"From: {Owner}\r\n"), AllPass, "S3").ShouldNotBeNull();

    private static MessageVerdicts AllPass => Verdicts(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass);

    private static MessageVerdicts Verdicts(VerdictStatus spf, VerdictStatus dkim, VerdictStatus dmarc) =>
        MessageVerdicts.None with { Spam = VerdictStatus.Pass, Virus = VerdictStatus.Pass, Spf = spf, Dkim = dkim, Dmarc = dmarc };

    private static IReadOnlyList<HeaderField> Fields(string block) => HeaderFieldParser.Parse(Encoding.UTF8.GetBytes(block), out _);
}
