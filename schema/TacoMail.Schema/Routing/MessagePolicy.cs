using TacoMail.Schema.Model;

namespace TacoMail.Schema.Routing;

/// <summary>
/// The one rule table of the mail path: what an alias's state (<see cref="StatusOf"/>), the spam
/// and virus verdicts and the bounce policy make of each recipient (<see cref="Decide"/>). Both
/// handlers and <c>tacomail route</c> call it, so the explanation and the behaviour cannot drift
/// apart; pure, so tests need no I/O.
/// </summary>
/// <remarks>
/// An <see cref="RecipientStatus.Unreadable"/> item is delivered (that is, stored for the
/// delivery step, which re-checks the recipient): bouncing would refuse mail for an alias that
/// may well be active, and dropping would lose it.
/// </remarks>
public sealed record MessagePolicy(SpamPolicy Spam, BouncePolicy Bounce)
{
    /// <summary>Drop spam and viruses; bounce only to authenticated senders.</summary>
    public static MessagePolicy Default { get; } = new(SpamPolicy.Drop, BouncePolicy.Authenticated);

    /// <summary>Drop spam and viruses; never bounce. What a handler uses when it cannot read the declared settings.</summary>
    public static MessagePolicy NeverBounce { get; } = new(SpamPolicy.Drop, BouncePolicy.Never);

    /// <summary>The recipient status for an alias in <paramref name="state"/>, or for no alias (null).</summary>
    public static RecipientStatus StatusOf(AliasState? state) => state switch
    {
        AliasState.Active => RecipientStatus.Active,
        AliasState.Paused => RecipientStatus.Paused,
        AliasState.Disabled => RecipientStatus.Disabled,
        null => RecipientStatus.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Undefined alias state."),
    };

    /// <summary>
    /// Whether a bounce for <paramref name="message"/> may be sent: never under policy
    /// <c>never</c>, never to the senders of <see cref="BackscatterRules"/>, and under policy
    /// <c>authenticated</c> only when the envelope sender authenticated.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public BounceSuppression BounceSuppressionFor(MessageFacts message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Bounce == BouncePolicy.Never)
        {
            return BounceSuppression.PolicyNever;
        }

        var backscatter = BackscatterRules.Check(message);
        if (backscatter != BounceSuppression.None || Bounce == BouncePolicy.Always)
        {
            return backscatter;
        }

        return message.Verdicts.IsSenderAuthenticated ? BounceSuppression.None : BounceSuppression.SenderNotAuthenticated;
    }

    /// <summary>What happens to mail for a recipient in <paramref name="status"/> in <paramref name="message"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is undefined.</exception>
    public RecipientDecision Decide(RecipientStatus status, MessageFacts message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Spam == SpamPolicy.Drop && message.Verdicts.IsVirus)
        {
            return new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.Virus);
        }

        if (Spam == SpamPolicy.Drop && message.Verdicts.IsSpam)
        {
            return new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.Spam);
        }

        return status switch
        {
            RecipientStatus.Active => new RecipientDecision(RecipientOutcome.Deliver, OutcomeReason.Active),
            RecipientStatus.Paused => new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.Paused),
            RecipientStatus.Unreadable => new RecipientDecision(RecipientOutcome.Deliver, OutcomeReason.Unreadable),
            RecipientStatus.Feedback => new RecipientDecision(RecipientOutcome.Deliver, OutcomeReason.Feedback),
            RecipientStatus.Reply => new RecipientDecision(RecipientOutcome.Deliver, OutcomeReason.Reply),
            RecipientStatus.ReplyStopped => new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.ReplyStopped),
            RecipientStatus.Disabled => Refuse(OutcomeReason.Disabled, message),
            RecipientStatus.Unknown => Refuse(OutcomeReason.Unknown, message),
            RecipientStatus.InvalidAddress => Refuse(OutcomeReason.InvalidAddress, message),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined recipient status."),
        };
    }

    private RecipientDecision Refuse(OutcomeReason reason, MessageFacts message)
    {
        var suppression = BounceSuppressionFor(message);
        var outcome = suppression == BounceSuppression.None ? RecipientOutcome.Bounce : RecipientOutcome.BounceSuppressed;
        return new RecipientDecision(outcome, reason, suppression);
    }
}
