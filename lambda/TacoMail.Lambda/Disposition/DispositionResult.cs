using TacoMail.Lambda.Events;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Disposition;

/// <summary>
/// The answer for one message and everything the log line reports about it. <see cref="Continue"/>
/// is true when any recipient is delivered, and whenever something failed (fail-safe): CONTINUE
/// only lets the rule store the message; the delivery step re-checks every recipient against the
/// table and forwards to active aliases only, so a failed bounce never leaks mail to a disabled one.
/// </summary>
internal sealed record DispositionResult(
    bool Continue,
    IReadOnlyList<RecipientResult> Recipients,
    BounceResult? Bounce,
    IReadOnlyList<string> Errors)
{
    /// <summary>
    /// CONTINUE, or STOP_RULE when nothing is to be delivered: never STOP_RULE_SET, which would
    /// hide the message from the rules after ours in a shared rule set.
    /// </summary>
    public string Disposition => Continue ? DispositionResponse.Continue : DispositionResponse.StopRule;

    /// <summary>Why the declared settings were not used (logged); null when they were.</summary>
    public string? SettingsFallback { get; init; }

    /// <summary>CONTINUE because of <paramref name="errors"/>, with whatever is known about the recipients.</summary>
    public static DispositionResult FailSafe(IReadOnlyList<RecipientResult> recipients, IReadOnlyList<string> errors) =>
        new(true, recipients, null, errors);

    /// <summary>CONTINUE because of <paramref name="error"/>, before any recipient was read.</summary>
    public static DispositionResult FailSafe(string error) => FailSafe([], [error]);

    /// <summary>The decided result: CONTINUE when anything is delivered or a bounce could not be sent.</summary>
    public static DispositionResult Decided(
        IReadOnlyList<RecipientResult> recipients, BounceResult? bounce, IReadOnlyList<string> errors) =>
        new(
            recipients.Any(r => r.Decision?.Outcome == RecipientOutcome.Deliver) || bounce?.NeedsFailSafe == true,
            recipients,
            bounce,
            errors);
}
