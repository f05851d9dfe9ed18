using System.Collections.Concurrent;
using TacoMail.Reconciler.Mailbox;
using TacoMail.Schema.Queue;

namespace TacoMail.Reconciler.Queue;

/// <summary>
/// Reads the mail queue from the bucket: every entry under <c>queue/</c> and <c>failed/</c>,
/// decoded with the schema's <see cref="QueueEntryCodec"/> (never a copy of it, so the CLI reads
/// what the delivery function writes). Anything that cannot be read is still listed, with the reason.
/// </summary>
internal sealed class QueueReader(IQueueStore store, TimeProvider time)
{
    /// <summary>Entries read at the same time.</summary>
    public const int Parallelism = 8;

    /// <exception cref="MailboxStoreException">The bucket cannot be listed (an entry that cannot be read is listed instead).</exception>
    public async Task<QueueSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var items = new ConcurrentBag<QueueItem>();
        var entries = new List<(string Key, string Id, QueueEntryState State)>();
        await foreach (var stored in store.ListAsync(MailBucketLayout.QueuePrefix, cancellationToken).ConfigureAwait(false))
        {
            if (MailBucketLayout.MessageIdOfEntry(stored.Key) is { } id)
            {
                entries.Add((stored.Key, id, QueueEntryState.Queued));
            }
            else
            {
                items.Add(QueueItem.Unreadable(stored.Key, null, QueueEntryState.Queued, "not a queue entry: queue/ holds only <message id>.json"));
            }
        }

        var failedMessages = new List<(string Key, string Id)>();
        await foreach (var stored in store.ListAsync(MailBucketLayout.FailedPrefix, cancellationToken).ConfigureAwait(false))
        {
            var name = stored.Key[MailBucketLayout.FailedPrefix.Length..];
            if (MailBucketLayout.MessageIdOfEntry(stored.Key) is { } id)
            {
                entries.Add((stored.Key, id, QueueEntryState.Failed));
            }
            else if (MailBucketLayout.IsMessageId(name))
            {
                failedMessages.Add((stored.Key, name));
            }
            else
            {
                items.Add(QueueItem.Unreadable(stored.Key, null, QueueEntryState.Failed, "not a failed message or entry: failed/ holds <message id> and <message id>.json"));
            }
        }

        var failedEntryIds = entries.Where(e => e.State == QueueEntryState.Failed).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, id) in failedMessages.Where(m => !failedEntryIds.Contains(m.Id)))
        {
            items.Add(QueueItem.Unreadable(key, id, QueueEntryState.Failed, $"a failed message without its entry {MailBucketLayout.FailedEntryKey(id)}"));
        }

        await Parallel.ForEachAsync(
            entries,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (entry, token) => items.Add(await ReadEntryAsync(entry.Key, entry.Id, entry.State, token).ConfigureAwait(false)));
        return QueueSnapshot.Of(at, items);
    }

    /// <summary>One entry, or why it cannot be read; a failure to download it is such a reason too.</summary>
    public async Task<QueueItem> ReadEntryAsync(string key, string messageId, QueueEntryState state, CancellationToken cancellationToken)
    {
        byte[] json;
        try
        {
            json = await store.ReadAllAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch (MailboxStoreException exception)
        {
            return QueueItem.Unreadable(key, messageId, state, exception.Message);
        }

        if (!QueueEntryCodec.TryDecode(json, out var entry, out var problem))
        {
            return QueueItem.Unreadable(key, messageId, state, problem ?? "unreadable queue entry");
        }

        return entry!.MessageId == messageId
            ? QueueItem.Readable(key, entry, state)
            : QueueItem.Unreadable(key, messageId, state, $"the entry names message '{entry.MessageId}', not the '{messageId}' of its key");
    }
}
