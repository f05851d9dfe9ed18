using TacoMail.Schema.Queue;

namespace TacoMail.Reconciler.Queue;

/// <summary>
/// One entry of the mail queue as listed: a readable <see cref="QueueEntry"/>, or the key of one
/// that cannot be read and why, so that nothing waiting in the bucket is ever hidden from the owner.
/// </summary>
/// <param name="Key">The entry's key (<c>queue/&lt;id&gt;.json</c> or <c>failed/&lt;id&gt;.json</c>), or the odd object's.</param>
/// <param name="MessageId">The message id the key names; null when the key names none.</param>
/// <param name="State">Where it is: under <c>queue/</c> (queued) or <c>failed/</c> (failed).</param>
/// <param name="Entry">The entry; null when <paramref name="Problem"/> says why not.</param>
/// <param name="Problem">Why the entry cannot be read; null when it was.</param>
internal sealed record QueueItem(string Key, string? MessageId, QueueEntryState State, QueueEntry? Entry, string? Problem)
{
    public bool IsReadable => Entry is not null;

    public static QueueItem Readable(string key, QueueEntry entry, QueueEntryState state) => new(key, entry.MessageId, state, entry, null);

    public static QueueItem Unreadable(string key, string? messageId, QueueEntryState state, string problem) => new(key, messageId, state, null, problem);
}
