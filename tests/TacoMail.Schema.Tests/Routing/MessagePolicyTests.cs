using TacoMail.Schema.Model;
using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Tests.Routing;

public sealed class MessagePolicyTests
{
    private const string Sender = "jane@sender.example";

    private static readonly MessageVerdicts AllPass = MessageVerdicts.None with
    {
        Spam = VerdictStatus.Pass,
        Virus = VerdictStatus.Pass,
        Spf = VerdictStatus.Pass,
        Dkim = VerdictStatus.Pass,
        Dmarc = VerdictStatus.Pass,
    };

    private static readonly MessageFacts Authenticated = MessageFacts.Of(Sender, AllPass);

    private static readonly MessageFacts Forged = MessageFacts.Of(Sender, AllPass with
    {
        Spf = VerdictStatus.Fail,
        Dkim = VerdictStatus.Fail,
        Dmarc = VerdictStatus.Fail,
    });

    [Theory]
    [InlineData(RecipientStatus.Active, RecipientOutcome.Deliver, OutcomeReason.Active)]
    [InlineData(RecipientStatus.Paused, RecipientOutcome.Drop, OutcomeReason.Paused)]
    [InlineData(RecipientStatus.Disabled, RecipientOutcome.Bounce, OutcomeReason.Disabled)]
    [InlineData(RecipientStatus.Unknown, RecipientOutcome.Bounce, OutcomeReason.Unknown)]
    [InlineData(RecipientStatus.InvalidAddress, RecipientOutcome.Bounce, OutcomeReason.InvalidAddress)]
    [InlineData(RecipientStatus.Unreadable, RecipientOutcome.Deliver, OutcomeReason.Unreadable)]
    public void Decide_AuthenticatedCleanMessage_FollowsState(
        RecipientStatus status, RecipientOutcome outcome, OutcomeReason reason) =>
        MessagePolicy.Default.Decide(status, Authenticated).ShouldBe(new RecipientDecision(outcome, reason));

    [Theory]
    [InlineData(RecipientStatus.Disabled, OutcomeReason.Disabled)]
    [InlineData(RecipientStatus.Unknown, OutcomeReason.Unknown)]
    [InlineData(RecipientStatus.InvalidAddress, OutcomeReason.InvalidAddress)]
    public void Decide_UnauthenticatedSenderToBadRecipient_SuppressesBounce(RecipientStatus status, OutcomeReason reason) =>
        MessagePolicy.Default.Decide(status, Forged)
            .ShouldBe(new RecipientDecision(RecipientOutcome.BounceSuppressed, reason, BounceSuppression.SenderNotAuthenticated));

    [Theory]
    [InlineData(RecipientStatus.Active, RecipientOutcome.Deliver)]
    [InlineData(RecipientStatus.Paused, RecipientOutcome.Drop)]
    [InlineData(RecipientStatus.Unreadable, RecipientOutcome.Deliver)]
    public void Decide_UnauthenticatedSenderToGoodRecipient_AuthenticationDoesNotMatter(
        RecipientStatus status, RecipientOutcome outcome) =>
        MessagePolicy.Default.Decide(status, Forged).Outcome.ShouldBe(outcome);

    [Fact]
    public void Decide_DkimPassWithForgedEnvelopeSender_SuppressesBounce()
    {
        // An attacker signs with their own domain (DKIM pass) and forges MAIL FROM of a victim
        // (SPF fail, DMARC fail or absent): the bounce would land on the victim.
        var dkimOnly = MessageFacts.Of("victim@innocent.example", MessageVerdicts.None with { Dkim = VerdictStatus.Pass });

        MessagePolicy.Default.Decide(RecipientStatus.Unknown, dkimOnly)
            .ShouldBe(new RecipientDecision(RecipientOutcome.BounceSuppressed, OutcomeReason.Unknown, BounceSuppression.SenderNotAuthenticated));
    }

    [Theory]
    [InlineData(VerdictStatus.Fail)]
    public void Decide_SpfPassButDmarcFail_SuppressesBounce(VerdictStatus dmarc) =>
        MessagePolicy.Default.Decide(RecipientStatus.Disabled, With(AllPass with { Dmarc = dmarc }))
            .Suppression.ShouldBe(BounceSuppression.SenderNotAuthenticated);

    [Fact]
    public void Decide_SpfPassWithoutDmarcVerdict_Bounces() =>
        MessagePolicy.Default.Decide(RecipientStatus.Disabled, With(MessageVerdicts.None with { Spf = VerdictStatus.Pass }))
            .Outcome.ShouldBe(RecipientOutcome.Bounce);

    [Theory]
    [InlineData(null, BounceSuppression.NullSender)]
    [InlineData("<>", BounceSuppression.NullSender)]
    [InlineData("MAILER-DAEMON@relay.example", BounceSuppression.DaemonSender)]
    [InlineData("postmaster@relay.example", BounceSuppression.DaemonSender)]
    public void Decide_PolicyAlwaysToDaemonOrNullSender_StillSuppresses(string? sender, BounceSuppression expected) =>
        (MessagePolicy.Default with { Bounce = BouncePolicy.Always }).Decide(RecipientStatus.Unknown, MessageFacts.Of(sender, AllPass))
            .ShouldBe(new RecipientDecision(RecipientOutcome.BounceSuppressed, OutcomeReason.Unknown, expected));

    [Fact]
    public void Decide_FeedbackAddress_IsDeliveredNeverBounced() =>
        MessagePolicy.Default.Decide(RecipientStatus.Feedback, Forged)
            .ShouldBe(new RecipientDecision(RecipientOutcome.Deliver, OutcomeReason.Feedback));

    [Fact]
    public void Decide_PolicyAlways_BouncesForgedSenders() =>
        (MessagePolicy.Default with { Bounce = BouncePolicy.Always }).Decide(RecipientStatus.Unknown, Forged)
            .ShouldBe(new RecipientDecision(RecipientOutcome.Bounce, OutcomeReason.Unknown));

    [Fact]
    public void Decide_PolicyNever_SuppressesEvenForAuthenticatedSenders() =>
        (MessagePolicy.Default with { Bounce = BouncePolicy.Never }).Decide(RecipientStatus.Disabled, Authenticated)
            .ShouldBe(new RecipientDecision(RecipientOutcome.BounceSuppressed, OutcomeReason.Disabled, BounceSuppression.PolicyNever));

    [Theory]
    [InlineData(RecipientStatus.Active)]
    [InlineData(RecipientStatus.Paused)]
    [InlineData(RecipientStatus.Disabled)]
    [InlineData(RecipientStatus.Unknown)]
    [InlineData(RecipientStatus.InvalidAddress)]
    [InlineData(RecipientStatus.Unreadable)]
    public void Decide_SpamVerdictFail_DropsEveryRecipient(RecipientStatus status) =>
        MessagePolicy.Default.Decide(status, With(AllPass with { Spam = VerdictStatus.Fail }))
            .ShouldBe(new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.Spam));

    [Theory]
    [InlineData(RecipientStatus.Active)]
    [InlineData(RecipientStatus.Unknown)]
    public void Decide_VirusVerdictFail_DropsAndNamesTheVirusFirst(RecipientStatus status) =>
        MessagePolicy.Default.Decide(status, With(AllPass with { Spam = VerdictStatus.Fail, Virus = VerdictStatus.Fail }))
            .ShouldBe(new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.Virus));

    [Theory]
    [InlineData(VerdictStatus.Gray)]
    [InlineData(VerdictStatus.ProcessingFailed)]
    [InlineData(VerdictStatus.Missing)]
    public void Decide_SpamVerdictNotFail_IsNotSpam(VerdictStatus spam) =>
        MessagePolicy.Default.Decide(RecipientStatus.Active, With(AllPass with { Spam = spam, Virus = spam }))
            .Outcome.ShouldBe(RecipientOutcome.Deliver);

    [Fact]
    public void Decide_SpamPolicyDeliver_IgnoresSpamAndVirusVerdicts()
    {
        var policy = MessagePolicy.Default with { Spam = SpamPolicy.Deliver };
        var verdicts = With(AllPass with { Spam = VerdictStatus.Fail, Virus = VerdictStatus.Fail });

        policy.Decide(RecipientStatus.Active, verdicts).Outcome.ShouldBe(RecipientOutcome.Deliver);
        policy.Decide(RecipientStatus.Unknown, verdicts).Outcome.ShouldBe(RecipientOutcome.Bounce);
    }

    [Theory]
    [InlineData(AliasState.Active, RecipientStatus.Active)]
    [InlineData(AliasState.Paused, RecipientStatus.Paused)]
    [InlineData(AliasState.Disabled, RecipientStatus.Disabled)]
    [InlineData(null, RecipientStatus.Unknown)]
    public void StatusOf_AliasState_MapsToStatus(AliasState? state, RecipientStatus expected) =>
        MessagePolicy.StatusOf(state).ShouldBe(expected);

    [Theory]
    [InlineData(AliasState.Active, RecipientOutcome.Deliver)]
    [InlineData(AliasState.Paused, RecipientOutcome.Drop)]
    [InlineData(AliasState.Disabled, RecipientOutcome.Bounce)]
    [InlineData(null, RecipientOutcome.Bounce)]
    public void Decide_AuthenticatedCleanMessage_FollowsTheAliasState(AliasState? state, RecipientOutcome expected) =>
        MessagePolicy.Default.Decide(MessagePolicy.StatusOf(state), Authenticated).Outcome.ShouldBe(expected);

    private static MessageFacts With(MessageVerdicts verdicts) => MessageFacts.Of(Sender, verdicts);

    [Fact]
    public void Decide_UndefinedStatus_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => MessagePolicy.Default.Decide((RecipientStatus)99, Authenticated));

    [Fact]
    public void Names_EveryValue_HasAName()
    {
        Enum.GetValues<RecipientOutcome>().Select(o => o.ToName()).ShouldBeUnique();
        Enum.GetValues<OutcomeReason>().Select(r => r.ToName()).ShouldBeUnique();
        BounceSuppression.None.ToText().ShouldBeNull();
        BounceSuppression.SenderNotAuthenticated.ToText().ShouldBe("sender not authenticated");
        BounceSuppression.PolicyNever.ToText().ShouldBe("bounce policy never");
        Enum.GetValues<BounceSuppression>().Where(s => s != BounceSuppression.None).Select(s => s.ToText()).ShouldBeUnique();
    }
}
