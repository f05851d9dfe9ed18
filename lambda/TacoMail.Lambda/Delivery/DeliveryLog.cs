using System.Text.Encodings.Web;
using System.Text.Json;
using TacoMail.Lambda.Logging;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Maps a <see cref="DeliveryResult"/> to its log line and response; the only place delivery
/// outcomes and statuses become words. Lines are written like <see cref="LogLineWriter"/>'s: one
/// compact JSON object, readable addresses, null members kept so every line has the same keys.
/// </summary>
internal sealed class DeliveryLog
{
    public const string HandlerName = "delivery";

    private readonly ILogSink _sink;
    private readonly DeliveryJsonContext _context;

    public DeliveryLog(ILogSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _context = new DeliveryJsonContext(new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        });
    }

    public void Write(DeliveryResult result, string? messageId, string requestId, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entry = new DeliveryLogEntry
        {
            Level = result.Errors.Count == 0 ? "info" : "error",
            Handler = HandlerName,
            MessageId = messageId,
            RequestId = requestId,
            Outcome = Name(result.Outcome),
            MessageBytes = result.MessageBytes,
            Recipients = Recipients(result),
            DurationMs = (long)duration.TotalMilliseconds,
            Settings = result.SettingsFallback,
            Errors = result.Errors,
        };
        _sink.Write(JsonSerializer.Serialize(entry, _context.DeliveryLogEntry));
    }

    public static DeliveryResponse Response(DeliveryResult result, string? messageId)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DeliveryResponse(messageId, Name(result.Outcome), Recipients(result));
    }

    public static string Name(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Delivered => "delivered",
        DeliveryOutcome.Kept => "kept",
        DeliveryOutcome.Incomplete => "incomplete",
        DeliveryOutcome.Absent => "absent",
        DeliveryOutcome.FinishedBefore => "finished-before",
        DeliveryOutcome.Failed => "failed",
        DeliveryOutcome.MalformedEvent => "malformed-event",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Undefined delivery outcome."),
    };

    public static string Name(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Forwarded => "forwarded",
        DeliveryStatus.Filed => "filed",
        DeliveryStatus.AlreadyDone => "already-done",
        DeliveryStatus.Skipped => "skipped",
        DeliveryStatus.Rejected => "rejected",
        DeliveryStatus.Looped => "looped",
        DeliveryStatus.TooLarge => "too-large",
        DeliveryStatus.Unresolved => "unresolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined delivery status."),
    };

    private static List<DeliveryRecipientLogEntry> Recipients(DeliveryResult result) =>
        [.. result.Recipients.Select(r => new DeliveryRecipientLogEntry(
            r.Recipients, r.Alias, r.Destination, Name(r.Status), r.Reason, r.SesMessageId, r.MailboxKey))];
}
