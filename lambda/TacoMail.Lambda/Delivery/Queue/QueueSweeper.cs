using TacoMail.Schema.Queue;

namespace TacoMail.Lambda.Delivery.Queue;

/// <summary>
/// The scheduled pass over <c>queue/</c> (Postfix's queue manager, run every few minutes by an
/// EventBridge schedule): every entry whose next attempt is due is attempted again, oldest first,
/// for as long as the invocation has time; the rest waits for the next sweep. One bad entry or one
/// failing message never stops the others.
/// </summary>
internal sealed class QueueSweeper
{
    /// <summary>
    /// No attempt starts with less than this left before the invocation's deadline. One cut short
    /// anyway is safe: its claims lapse and the next sweep finishes it.
    /// </summary>
    public static readonly TimeSpan AttemptReserve = TimeSpan.FromSeconds(15);

    private readonly MailQueue _queue;
    private readonly MessageDeliverer _deliverer;
    private readonly TimeProvider _time;

    public QueueSweeper(MailQueue queue, MessageDeliverer deliverer, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(deliverer);
        ArgumentNullException.ThrowIfNull(time);
        _queue = queue;
        _deliverer = deliverer;
        _time = time;
    }

    /// <param name="deadline">When the invocation ends.</param>
    /// <param name="attempted">Called with each attempt's result, for its log line.</param>
    /// <param name="cancellationToken">Cancels the sweep between attempts.</param>
    /// <exception cref="Exception">Listing the queue failed: the sweep is retried by the next schedule.</exception>
    public async Task<SweepResult> SweepAsync(
        DateTimeOffset deadline, Action<string, DeliveryResult> attempted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempted);
        var ids = await _queue.ListAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var entries = new List<QueueEntry>();
        var unreadable = 0;
        foreach (var id in ids)
        {
            try
            {
                if (await _queue.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (QueueEntryException exception)
            {
                unreadable++;
                attempted(id, DeliveryResult.Nothing(DeliveryOutcome.Failed) with { Errors = [exception.Message] });
            }
        }

        var oldest = entries.Count == 0 ? 0 : (long)entries.Max(e => e.AgeAt(now)).TotalSeconds;
        var due = entries.Where(e => e.NextAttemptAt <= now).OrderBy(e => e.ReceivedAt).ToList();
        int delivered = 0, gaveUp = 0, queued = 0, failed = 0, done = 0;
        foreach (var entry in due)
        {
            if (deadline - _time.GetUtcNow() < AttemptReserve || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var result = await _deliverer.AttemptAsync(entry, null, cancellationToken).ConfigureAwait(false);
            done++;
            switch (result.Outcome)
            {
                case DeliveryOutcome.Delivered or DeliveryOutcome.Absent or DeliveryOutcome.FinishedBefore:
                    delivered++;
                    break;
                case DeliveryOutcome.GaveUp:
                    gaveUp++;
                    break;
                case DeliveryOutcome.Queued:
                    queued++;
                    break;
                default:
                    failed++;
                    break;
            }

            attempted(entry.MessageId, result);
        }

        return new SweepResult(entries.Count + unreadable, done, delivered, gaveUp, queued, failed, unreadable, oldest, due.Count - done);
    }
}
