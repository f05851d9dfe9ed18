using TacoMail.Schema.Model;

namespace TacoMail.Schema.Routing;

/// <summary>
/// The per-message routing rules on top of <see cref="DispositionRules"/>: spam and virus
/// verdicts, and whether a bounce may be sent. Pure, so the Lambda and <c>tacomail route</c>
/// decide identically and tests need no I/O.
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

    /// <summary>The recipient status for an alias in <paramref name="state"/>, or for no alias (null).</summary>
    public static RecipientStatus StatusOf(AliasState? state) => state switch
    {
        AliasState.Active => RecipientStatus.Active,
        AliasState.Paused => RecipientStatus.Paused,
        AliasState.Disabled => RecipientStatus.Disabled,
        null => RecipientStatus.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Undefined alias state."),
    };

    /// <summary>Whether a bounce for a message with <paramref name="verdicts"/> may be sent.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="verdicts"/> is null.</exception>
    public BounceSuppression BounceSuppressionFor(MessageVerdicts verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return Bounce switch
        {
            BouncePolicy.Always => BounceSuppression.None,
            BouncePolicy.Never => BounceSuppression.PolicyNever,
            _ => verdicts.IsSenderAuthenticated ? BounceSuppression.None : BounceSuppression.SenderNotAuthenticated,
        };
    }

    /// <summary>What happens to mail for a recipient in <paramref name="status"/> in a message with <paramref name="verdicts"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="verdicts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is undefined.</exception>
    public RecipientDecision Decide(RecipientStatus status, MessageVerdicts verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        if (Spam == SpamPolicy.Drop && verdicts.IsVirus)
        {
            return new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.Virus);
        }

        if (Spam == SpamPolicy.Drop && verdicts.IsSpam)
        {
            return new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.Spam);
        }

        return status switch
        {
            RecipientStatus.Active => new RecipientDecision(RecipientOutcome.Deliver, OutcomeReason.Active),
            RecipientStatus.Paused => new RecipientDecision(RecipientOutcome.Drop, OutcomeReason.Paused),
            RecipientStatus.Unreadable => new RecipientDecision(RecipientOutcome.Deliver, OutcomeReason.Unreadable),
            RecipientStatus.Disabled => Refuse(OutcomeReason.Disabled, verdicts),
            RecipientStatus.Unknown => Refuse(OutcomeReason.Unknown, verdicts),
            RecipientStatus.InvalidAddress => Refuse(OutcomeReason.InvalidAddress, verdicts),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined recipient status."),
        };
    }

    private RecipientDecision Refuse(OutcomeReason reason, MessageVerdicts verdicts)
    {
        var suppression = BounceSuppressionFor(verdicts);
        var outcome = suppression == BounceSuppression.None ? RecipientOutcome.Bounce : RecipientOutcome.BounceSuppressed;
        return new RecipientDecision(outcome, reason, suppression);
    }
}
