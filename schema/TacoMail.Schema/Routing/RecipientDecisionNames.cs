namespace TacoMail.Schema.Routing;

/// <summary>
/// The words logs and explanations use for outcomes, reasons and bounce suppressions, spelled once
/// so that the Lambda's log lines and <c>tacomail route</c> say the same thing.
/// </summary>
public static class RecipientDecisionNames
{
    public static string ToName(this RecipientOutcome outcome) => outcome switch
    {
        RecipientOutcome.Deliver => "deliver",
        RecipientOutcome.Drop => "drop",
        RecipientOutcome.Bounce => "bounce",
        RecipientOutcome.BounceSuppressed => "bounce-suppressed",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Undefined outcome."),
    };

    public static string ToName(this OutcomeReason reason) => reason switch
    {
        OutcomeReason.Active => "active",
        OutcomeReason.Paused => "paused",
        OutcomeReason.Disabled => "disabled",
        OutcomeReason.Unknown => "unknown",
        OutcomeReason.InvalidAddress => "invalid-address",
        OutcomeReason.Unreadable => "unreadable",
        OutcomeReason.Spam => "spam",
        OutcomeReason.Virus => "virus",
        OutcomeReason.Feedback => "feedback",
        OutcomeReason.Reply => "reply",
        OutcomeReason.ReplyStopped => "reply-alias-inactive",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Undefined reason."),
    };

    /// <summary>A sentence fragment such as <c>sender not authenticated</c>; null for <see cref="BounceSuppression.None"/>.</summary>
    public static string? ToText(this BounceSuppression suppression) => suppression switch
    {
        BounceSuppression.None => null,
        BounceSuppression.SenderNotAuthenticated => "sender not authenticated",
        BounceSuppression.PolicyNever => "bounce policy never",
        BounceSuppression.NullSender => "null sender <>",
        BounceSuppression.DaemonSender => "sender is MAILER-DAEMON or postmaster",
        BounceSuppression.AutoSubmitted => "automatic message (Auto-Submitted)",
        BounceSuppression.BulkPrecedence => "bulk mail (Precedence: bulk, junk or list)",
        BounceSuppression.MailingList => "mailing-list message (List-Id)",
        _ => throw new ArgumentOutOfRangeException(nameof(suppression), suppression, "Undefined suppression."),
    };
}
