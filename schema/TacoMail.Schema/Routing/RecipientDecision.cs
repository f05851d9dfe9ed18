namespace TacoMail.Schema.Routing;

/// <summary>The outcome for one recipient and why; <see cref="Suppression"/> says why a bounce was withheld.</summary>
public sealed record RecipientDecision(
    RecipientOutcome Outcome,
    OutcomeReason Reason,
    BounceSuppression Suppression = BounceSuppression.None);
