using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Queue;

/// <summary>
/// A message waiting for delivery: everything a retry needs that the stored message does not
/// carry (the SES event's envelope and verdicts), and how the attempts went. Kept as its own
/// object next to the message, not in tags: it holds addresses, and tags are visible to anyone
/// who may read the bucket's metadata.
/// </summary>
/// <param name="MessageId">SES's message id, also the object name under <c>incoming/</c>.</param>
/// <param name="ReceivedAt">When SES received it; the queue lifetime counts from here.</param>
/// <param name="EnvelopeSender">MAIL FROM; null for the null sender.</param>
/// <param name="Recipients">The envelope recipients as received.</param>
/// <param name="Verdicts">SES's verdicts.</param>
/// <param name="Headers">The header fields the backscatter rules read (RFC 3834), no others.</param>
/// <param name="State">Queued or failed.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="NextAttemptAt">When the sweep tries again.</param>
/// <param name="LastError">Why the last attempt did not finish (no addresses); null before any failure.</param>
public sealed record QueueEntry(
    string MessageId,
    DateTimeOffset ReceivedAt,
    string? EnvelopeSender,
    IReadOnlyList<string> Recipients,
    MessageVerdicts Verdicts,
    IReadOnlyList<MessageHeader> Headers,
    QueueEntryState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError)
{
    /// <summary>The routing facts of the message, as the disposition saw them.</summary>
    public MessageFacts Facts => new(EnvelopeSender, Verdicts, Headers);

    /// <summary>How long it has waited at <paramref name="now"/>.</summary>
    public TimeSpan AgeAt(DateTimeOffset now) => now - ReceivedAt;

    /// <summary>Only the header fields the backscatter rules read are kept: no subject, no other content.</summary>
    public static IReadOnlyList<MessageHeader> RoutingHeaders(IEnumerable<MessageHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string[] kept = [BackscatterRules.AutoSubmitted, BackscatterRules.Precedence, BackscatterRules.ListId];
        return [.. headers.Where(h => kept.Any(k => string.Equals(h.Name?.Trim(), k, StringComparison.OrdinalIgnoreCase)))];
    }
}
