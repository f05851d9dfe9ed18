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
    public const string SweepHandlerName = "sweep";

    private readonly ILogSink _sink;
    private readonly TimeProvider _time;
    private readonly DeliveryJsonContext _context;

    public DeliveryLog(ILogSink sink, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        _sink = sink;
        _time = time;
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
        foreach (var line in MetricsLine.Counts(_time.GetUtcNow(), Metrics(result)))
        {
            _sink.Write(line);
        }
    }

    /// <summary>The sweep's summary line, with the queue-age metric in CloudWatch's embedded format.</summary>
    public void Write(Queue.SweepResult sweep, string requestId, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var level = sweep.Failed + sweep.Unreadable == 0 ? "info" : "error";
        var entry = new Queue.SweepLogEntry(level, SweepHandlerName, requestId, (long)duration.TotalMilliseconds, sweep);
        _sink.Write(JsonSerializer.Serialize(entry, _context.SweepLogEntry));
        _sink.Write(MetricsLine.QueueAge(_time.GetUtcNow(), sweep.OldestAgeSeconds));
    }

    /// <summary>Delivered, queued and failed recipients by the domain of the alias (or of the recipient).</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, int>> Metrics(DeliveryResult result)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var report in result.Recipients)
        {
            var metric = report.Status switch
            {
                DeliveryStatus.Forwarded or DeliveryStatus.Filed => MetricsLine.Delivered,
                DeliveryStatus.Rejected or DeliveryStatus.TooLarge or DeliveryStatus.Looped => MetricsLine.Failed,
                DeliveryStatus.Unresolved => MetricsLine.Queued,
                _ => null,
            };
            if (metric is null)
            {
                continue;
            }

            var address = report.Alias ?? (report.Recipients.Count > 0 ? report.Recipients[0] : string.Empty);
            var domain = address[(address.LastIndexOf('@') + 1)..].ToLowerInvariant();
            var byName = counts.TryGetValue(domain, out var found) ? found : counts[domain] = new Dictionary<string, int>(StringComparer.Ordinal);
            byName[metric] = byName.GetValueOrDefault(metric) + 1;
        }

        return counts.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, int>)c.Value, StringComparer.Ordinal);
    }

    public static DeliveryResponse Response(DeliveryResult result, string? messageId)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DeliveryResponse(messageId, Name(result.Outcome), Recipients(result));
    }

    public static string Name(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Delivered => "delivered",
        DeliveryOutcome.GaveUp => "gave-up",
        DeliveryOutcome.Queued => "queued",
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
