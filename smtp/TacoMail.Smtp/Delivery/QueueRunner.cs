using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using TacoMail.Smtp.Logging;
using TacoMail.Smtp.Spool;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// Postfix's queue manager in small: on start it finishes what a crash left
/// (<see cref="DiskSpool.Recover"/>) and resumes every entry; then it runs each due entry as soon
/// as a message is queued (<see cref="Kick"/>) and otherwise every <c>scanInterval</c>, up to
/// <c>parallelism</c> entries at once (each entry by one attempt only). Passes are serialised, so a
/// test's <see cref="RunDueAsync"/> and the loop never deliver the same entry at once.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim holds no handle unless AvailableWaitHandle is read, which it never is here.")]
internal sealed class QueueRunner(DiskSpool spool, QueueDelivery delivery, DecisionLog log, TimeProvider time, TimeSpan scanInterval, int parallelism)
{
    private readonly Channel<bool> _kicks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>A message was queued: run the queue now rather than at the next scan.</summary>
    public void Kick() => _kicks.Writer.TryWrite(true);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (removed, moved) = spool.Recover();
            log.Write("queue", ("decision", "resumed"), ("entries", spool.QueuedIds().Count.ToString(CultureInfo.InvariantCulture)),
                ("leftovers-removed", removed.ToString(CultureInfo.InvariantCulture)), ("failed-completed", moved.ToString(CultureInfo.InvariantCulture)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leftovers are not entries: delivery goes on, and the next start tries again.
            log.Write("queue", ("decision", "recovery-failed"), ("error", ex.GetType().Name));
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await RunDueAsync(cancellationToken).ConfigureAwait(false);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var kicked = _kicks.Reader.WaitToReadAsync(wait.Token).AsTask();
                await Task.WhenAny(kicked, Task.Delay(scanInterval, time, wait.Token)).ConfigureAwait(false);
                await wait.CancelAsync().ConfigureAwait(false);
                _kicks.Reader.TryRead(out _);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: what is not delivered stays queued and is resumed at the next start.
        }
    }

    /// <summary>One pass over the queue: each due entry once. Faults are logged; the entry stays queued.</summary>
    /// <returns>How each entry attempted went.</returns>
    public async Task<IReadOnlyList<QueueAttempt>> RunDueAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var attempts = new ConcurrentQueue<QueueAttempt>();
            var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(spool.QueuedIds(), options, async (id, token) =>
            {
                try
                {
                    attempts.Enqueue(await delivery.DeliverAsync(id, token).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && !token.IsCancellationRequested)
                {
                    // The disk refused to record progress: nothing was lost, the entry is tried again.
                    log.Write("queue", ("id", id), ("decision", "deferred"), ("reason", "spool-write-failed"), ("error", ex.GetType().Name));
                    attempts.Enqueue(QueueAttempt.Deferred);
                }
            }).ConfigureAwait(false);
            return [.. attempts];
        }
        finally
        {
            _running.Release();
        }
    }
}
