using System.Text.Json.Serialization;

namespace TacoMail.Lambda.Events;

/// <summary>
/// The <c>receipt</c> object: the envelope recipients this rule matched and SES's verdicts.
/// AWS documents <c>processingTimeMillis</c> as a string and sends a number, and leaves out
/// verdicts and <c>dmarcPolicy</c> at will, so all of it is optional and read leniently.
/// </summary>
internal sealed record SesReceipt
{
    public string? Timestamp { get; init; }

    [JsonConverter(typeof(LenientInt64Converter))]
    public long? ProcessingTimeMillis { get; init; }

    /// <summary>The envelope recipients (RCPT TO) this receipt rule matched: what routing uses.</summary>
    public IReadOnlyList<string>? Recipients { get; init; }

    public SesVerdict? SpamVerdict { get; init; }

    public SesVerdict? VirusVerdict { get; init; }

    public SesVerdict? SpfVerdict { get; init; }

    public SesVerdict? DkimVerdict { get; init; }

    public SesVerdict? DmarcVerdict { get; init; }

    /// <summary>The sending domain's DMARC policy (<c>none</c>, <c>quarantine</c>, <c>reject</c>); only when DMARC failed.</summary>
    [JsonConverter(typeof(StringOrStatusConverter))]
    public string? DmarcPolicy { get; init; }

    public SesAction? Action { get; init; }
}
