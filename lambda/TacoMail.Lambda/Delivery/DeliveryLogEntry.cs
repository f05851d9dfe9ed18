namespace TacoMail.Lambda.Delivery;

/// <summary>
/// The one structured log line per delivered message, like the disposition's: routing facts only,
/// never the subject, the body, a header value or a destination address.
/// </summary>
internal sealed record DeliveryLogEntry
{
    /// <summary><c>info</c>, or <c>error</c> when <see cref="Errors"/> is not empty.</summary>
    public required string Level { get; init; }

    public required string Handler { get; init; }

    public string? MessageId { get; init; }

    public required string RequestId { get; init; }

    /// <summary>See <see cref="DeliveryOutcome"/>: <c>delivered</c>, <c>kept</c>, <c>incomplete</c>, <c>absent</c>, <c>finished-before</c>, <c>failed</c> or <c>malformed-event</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The stored message's size, when it was read.</summary>
    public long? MessageBytes { get; init; }

    public required IReadOnlyList<DeliveryRecipientLogEntry> Recipients { get; init; }

    public required long DurationMs { get; init; }

    /// <summary>Why the safe default settings were used instead of the table's; null when they were not.</summary>
    public string? Settings { get; init; }

    public required IReadOnlyList<string> Errors { get; init; }
}
