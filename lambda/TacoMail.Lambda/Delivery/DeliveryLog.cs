using TacoMail.Lambda.Logging;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Maps a <see cref="DeliveryResult"/> to its log line and response; the only place delivery
/// outcomes and statuses become words. <see cref="JsonLogWriter"/> writes the lines.
/// </summary>
internal sealed class DeliveryLog
{
    public const string HandlerName = "delivery";
    public const string SweepHandlerName = "sweep";

    private readonly JsonLogWriter _log;
    private readonly TimeProvider _time;

    public DeliveryLog(JsonLogWriter log, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(time);
        _log = log;
        _time = time;
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
        _log.Write(entry);
        _log.WriteLines(MetricsLine.Counts(_time.GetUtcNow(), Metrics(result)));
    }

    /// <summary>The sweep's summary line, with the queue-age metric in CloudWatch's embedded format.</summary>
    public void Write(Queue.SweepResult sweep, string requestId, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var level = sweep.Failed + sweep.Unreadable == 0 ? "info" : "error";
        var entry = new Queue.SweepLogEntry(level, SweepHandlerName, requestId, (long)duration.TotalMilliseconds, sweep);
        _log.Write(entry);
        _log.WriteLines([MetricsLine.QueueAge(_time.GetUtcNow(), sweep.OldestAgeSeconds)]);
    }

    /// <summary>Delivered, queued and failed recipients by the domain of the alias (or of the recipient).</summary>
    private static Dictionary<string, IReadOnlyDictionary<string, int>> Metrics(DeliveryResult result)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var report in result.Recipients)
        {
            var metric = report.Status switch
            {
                DeliveryStatus.Forwarded or DeliveryStatus.Replied or DeliveryStatus.Filed => MetricsLine.Delivered,
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
        DeliveryStatus.Replied => "replied",
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
