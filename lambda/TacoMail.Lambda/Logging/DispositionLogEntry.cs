namespace TacoMail.Lambda.Logging;

/// <summary>
/// The one structured log line per message. It holds routing facts only: never the subject, the
/// body or any header value, which are the sender's and the recipient's content. The sender is
/// reduced to its domain (see <see cref="SenderDomain"/>).
/// </summary>
internal sealed record DispositionLogEntry
{
    /// <summary><c>info</c>, or <c>error</c> when <see cref="Errors"/> is not empty.</summary>
    public required string Level { get; init; }

    public string? MessageId { get; init; }

    public required string RequestId { get; init; }

    /// <summary>
    /// The envelope sender's domain, not its address: enough to spot a source of spam or of
    /// bounces, without keeping third parties' addresses in the logs.
    /// </summary>
    public string? SenderDomain { get; init; }

    public VerdictsLogEntry? Verdicts { get; init; }

    public required IReadOnlyList<RecipientLogEntry> Recipients { get; init; }

    /// <summary><c>CONTINUE</c> or <c>STOP_RULE</c>, as answered.</summary>
    public required string Disposition { get; init; }

    public required long DurationMs { get; init; }

    public BounceLogEntry? Bounce { get; init; }

    /// <summary><c>declared</c> (the table's settings item), or why the safe defaults were used instead.</summary>
    public string? Settings { get; init; }

    public required IReadOnlyList<string> Errors { get; init; }
}
