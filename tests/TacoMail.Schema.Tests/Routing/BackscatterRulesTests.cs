using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Tests.Routing;

public sealed class BackscatterRulesTests
{
    private static readonly MessageVerdicts Verified = MessageVerdicts.None with { Spf = VerdictStatus.Pass, Dmarc = VerdictStatus.Pass };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("<>")]
    public void Check_NullReversePath_IsNullSender(string? sender) =>
        BackscatterRules.Check(MessageFacts.Of(sender, Verified)).ShouldBe(BounceSuppression.NullSender);

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example")]
    [InlineData("mailer-daemon@mx.example")]
    [InlineData("<Postmaster@mx.example>")]
    [InlineData("\"postmaster\"@mx.example")]
    public void Check_DaemonSender_IsDaemon(string sender) =>
        BackscatterRules.Check(MessageFacts.Of(sender, Verified)).ShouldBe(BounceSuppression.DaemonSender);

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", BounceSuppression.AutoSubmitted)]
    [InlineData("auto-submitted", "auto-generated; owner-email=\"x@y.example\"", BounceSuppression.AutoSubmitted)]
    [InlineData("Auto-Submitted", "auto-notified (vacation)", BounceSuppression.AutoSubmitted)]
    [InlineData("Precedence", "bulk", BounceSuppression.BulkPrecedence)]
    [InlineData("Precedence", " JUNK ", BounceSuppression.BulkPrecedence)]
    [InlineData("Precedence", "list", BounceSuppression.BulkPrecedence)]
    [InlineData("List-Id", "Announcements <announce.lists.example>", BounceSuppression.MailingList)]
    public void Check_AutomaticMail_IsSuppressed(string name, string value, BounceSuppression expected) =>
        BackscatterRules.Check(new MessageFacts("news@shop.example", Verified, [new MessageHeader(name, value)])).ShouldBe(expected);

    [Theory]
    [InlineData("Auto-Submitted", "no")]
    [InlineData("Auto-Submitted", "No (a person wrote this)")]
    [InlineData("Precedence", "first-class")]
    [InlineData("Subject", "List-Id")]
    public void Check_PersonalMail_MayBeBounced(string name, string value) =>
        BackscatterRules.Check(new MessageFacts("jane@sender.example", Verified, [new MessageHeader(name, value)]))
            .ShouldBe(BounceSuppression.None);
}
