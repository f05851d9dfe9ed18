using TacoMail.Schema.Queue;

namespace TacoMail.Lambda.Delivery.Queue;

/// <summary>
/// The scheduled pass over <c>queue/</c> (Postfix's queue manager, run every few minutes by an
/// EventBridge schedule): every entry whose next attempt is due is attempted again, oldest first
/// and <see cref="Parallelism"/> at a time, for as long as the invocation has time; the rest
/// waits for the next sweep. One bad entry or one
/// failing message never stops the others.
/// </summary>
internal sealed class QueueSweeper
{
    /// <summary>
    /// No attempt starts with less than this left before the invocation's deadline. One cut short
    /// anyway is safe: its claims lapse and the next sweep finishes it.
    /// </summary>
    public static readonly TimeSpan AttemptReserve = TimeSpan.FromSeconds(15);

    /// <summary>Messages read and attempted at once: the work is waiting on S3, DynamoDB and SES.</summary>
    public const int Parallelism = 8;

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
        var entries = new System.Collections.Concurrent.ConcurrentBag<QueueEntry>();
        var unreadable = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ids, parallel, async (id, token) =>
        {
            try
            {
                if (await _queue.GetAsync(id, token).ConfigureAwait(false) is { } entry)
                {
                    entries.Add(entry);
                }
            }
            catch (QueueEntryException exception)
            {
                Interlocked.Increment(ref unreadable);
                attempted(id, DeliveryResult.Nothing(DeliveryOutcome.Failed) with { Errors = [exception.Message] });
            }
        }).ConfigureAwait(false);

        var oldest = entries.IsEmpty ? 0 : (long)entries.Max(e => e.AgeAt(now)).TotalSeconds;
        var due = entries.Where(e => e.NextAttemptAt <= now).OrderBy(e => e.ReceivedAt).ToList();
        int delivered = 0, gaveUp = 0, queued = 0, failed = 0, done = 0;
        await Parallel.ForEachAsync(due, parallel, async (entry, token) =>
        {
            if (deadline - _time.GetUtcNow() < AttemptReserve)
            {
                return;
            }

            var result = await _deliverer.AttemptAsync(entry, null, token).ConfigureAwait(false);
            Interlocked.Increment(ref done);
            switch (result.Outcome)
            {
                case DeliveryOutcome.Delivered or DeliveryOutcome.Absent or DeliveryOutcome.FinishedBefore:
                    Interlocked.Increment(ref delivered);
                    break;
                case DeliveryOutcome.GaveUp:
                    Interlocked.Increment(ref gaveUp);
                    break;
                case DeliveryOutcome.Queued:
                    Interlocked.Increment(ref queued);
                    break;
                default:
                    Interlocked.Increment(ref failed);
                    break;
            }

            attempted(entry.MessageId, result);
        }).ConfigureAwait(false);

        return new SweepResult(entries.Count + unreadable, done, delivered, gaveUp, queued, failed, unreadable, oldest, due.Count - done);
    }
}
