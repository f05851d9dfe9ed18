namespace TacoMail.Lambda.Events;

/// <summary>
/// The <c>mail</c> object: the message's envelope and headers (never the body). The routing
/// decision must not use <see cref="Destination"/> or the headers, which the sender controls;
/// it uses <see cref="SesReceipt.Recipients"/>, the envelope recipients this rule matched.
/// </summary>
internal sealed record SesMail
{
    /// <summary>When SES received the message (ISO 8601), kept as text because it is only logged.</summary>
    public string? Timestamp { get; init; }

    /// <summary>The envelope sender (MAIL FROM).</summary>
    public string? Source { get; init; }

    /// <summary>SES's id of the message, also its object name under the incoming prefix.</summary>
    public string? MessageId { get; init; }

    public IReadOnlyList<string>? Destination { get; init; }

    /// <summary>Absent in some events; true when SES cut the header list short.</summary>
    public bool? HeadersTruncated { get; init; }

    public IReadOnlyList<SesHeader>? Headers { get; init; }

    public SesCommonHeaders? CommonHeaders { get; init; }
}
