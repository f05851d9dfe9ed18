using TacoMail.Schema.Queue;

namespace TacoMail.Reconciler.Queue;

/// <summary>
/// The queue at one moment: readable entries oldest first (the ones closest to being given up
/// on lead), then the unreadable ones by key. <see cref="At"/> is the reader's clock, from which
/// every age is counted, so a listing is consistent within itself.
/// </summary>
internal sealed record QueueSnapshot(DateTimeOffset At, IReadOnlyList<QueueItem> Items)
{
    public int Queued => Items.Count(i => i.IsReadable && i.State == QueueEntryState.Queued);

    public int Failed => Items.Count(i => i.IsReadable && i.State == QueueEntryState.Failed);

    public int Unreadable => Items.Count(i => !i.IsReadable);

    /// <summary>The age of the oldest readable message; null when there is none.</summary>
    public TimeSpan? OldestAge => Items.Where(i => i.IsReadable).Select(i => (TimeSpan?)i.Entry!.AgeAt(At)).Max();

    /// <summary>Orders <paramref name="items"/> as a listing shows them.</summary>
    public static QueueSnapshot Of(DateTimeOffset at, IEnumerable<QueueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        return new QueueSnapshot(
            at,
            [
                .. all.Where(i => i.IsReadable).OrderBy(i => i.Entry!.ReceivedAt).ThenBy(i => i.Key, StringComparer.Ordinal),
                .. all.Where(i => !i.IsReadable).OrderBy(i => i.Key, StringComparer.Ordinal),
            ]);
    }
}
