using System.Collections.Concurrent;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>Counts outcomes reported by parallel workers into a <see cref="FetchResult"/>.</summary>
internal sealed class FetchTally
{
    private readonly ConcurrentQueue<FetchFailure> _failures = new();
    private int _fetched;
    private int _alreadyPresent;
    private long _bytes;

    public void Add(FetchProgress progress)
    {
        switch (progress.Outcome)
        {
            case FetchOutcome.Fetched:
                Count(progress.BytesDelivered);
                break;
            case FetchOutcome.AlreadyPresent:
                Interlocked.Increment(ref _alreadyPresent);
                break;
            case FetchOutcome.NotDeleted:
                if (progress.BytesDelivered > 0)
                {
                    Count(progress.BytesDelivered);
                }

                _failures.Enqueue(new FetchFailure(progress.Message, progress.Error ?? string.Empty, Delivered: true));
                break;
            case FetchOutcome.Failed:
                _failures.Enqueue(new FetchFailure(progress.Message, progress.Error ?? string.Empty, Delivered: false));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(progress), progress.Outcome, "Unknown fetch outcome.");
        }
    }

    public FetchResult ToResult(bool interrupted) => new(
        _fetched,
        Interlocked.Read(ref _bytes),
        _alreadyPresent,
        [.. _failures.OrderBy(f => f.Message.Key, StringComparer.Ordinal)],
        interrupted);

    private void Count(long bytes)
    {
        Interlocked.Increment(ref _fetched);
        Interlocked.Add(ref _bytes, bytes);
    }
}
