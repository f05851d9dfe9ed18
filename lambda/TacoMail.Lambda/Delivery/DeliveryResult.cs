namespace TacoMail.Lambda.Delivery;

/// <summary>The account of one invocation, for the log line and the response.</summary>
/// <param name="Outcome">The message's outcome.</param>
/// <param name="Recipients">What happened to each alias or recipient, as far as the invocation got.</param>
/// <param name="MessageBytes">The stored message's size, when it was read.</param>
/// <param name="Failure">The transient failure to rethrow so that Lambda retries the event.</param>
/// <param name="Errors">Problems worth an <c>error</c> log line, whether or not the invocation fails.</param>
internal sealed record DeliveryResult(
    DeliveryOutcome Outcome,
    IReadOnlyList<RecipientReport> Recipients,
    long? MessageBytes,
    Exception? Failure,
    IReadOnlyList<string> Errors)
{
    /// <summary>Why the declared settings were not used (logged); null when they were, or were not read.</summary>
    public string? SettingsFallback { get; init; }

    public static DeliveryResult Nothing(DeliveryOutcome outcome) => new(outcome, [], null, null, []);
}
