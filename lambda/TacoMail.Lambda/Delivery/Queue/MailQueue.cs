using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Schema.Queue;

namespace TacoMail.Lambda.Delivery.Queue;

/// <summary>
/// The queue entries next to the stored messages (<see cref="MailBucketLayout"/>): read, save,
/// list, and the move of a message given up on to <c>failed/</c>. The move copies before it
/// deletes, and tags the incoming object finished in between, so that at every step the message
/// exists at least once and a leftover copy may only expire by the lifecycle rule.
/// </summary>
internal sealed class MailQueue
{
    private readonly IMailStore _store;
    private readonly string _incomingPrefix;

    public MailQueue(IMailStore store, string incomingPrefix)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrEmpty(incomingPrefix);
        _store = store;
        _incomingPrefix = incomingPrefix;
    }

    /// <summary>The entry, null when there is none.</summary>
    /// <exception cref="QueueEntryException">The entry exists but cannot be read.</exception>
    public async Task<QueueEntry?> GetAsync(string messageId, CancellationToken cancellationToken)
    {
        var bytes = await _store.ReadAsync(MailBucketLayout.QueueEntryKey(messageId), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        return QueueEntryCodec.TryDecode(bytes, out var entry, out var problem)
            ? entry
            : throw new QueueEntryException($"{MailBucketLayout.QueueEntryKey(messageId)}: {problem}");
    }

    public Task SaveAsync(QueueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _store.WriteAsync(MailBucketLayout.QueueEntryKey(entry.MessageId), QueueEntryCodec.Encode(entry), cancellationToken);
    }

    public Task DeleteAsync(string messageId, CancellationToken cancellationToken) =>
        _store.DeleteAsync(MailBucketLayout.QueueEntryKey(messageId), cancellationToken);

    /// <summary>The message ids that have a queue entry.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var keys = await _store.ListAsync(MailBucketLayout.QueuePrefix, cancellationToken).ConfigureAwait(false);
        return [.. keys.Select(MailBucketLayout.MessageIdOfEntry).OfType<string>()];
    }

    /// <summary>Moves the message and its entry to <c>failed/</c>, the entry saying why.</summary>
    /// <param name="entry">The entry, as it stands.</param>
    /// <param name="storedPath">The message spooled to a local file, or null to read it from S3.</param>
    /// <param name="reason">Why it was given up (no destination addresses).</param>
    /// <param name="temporaryDirectory">Where to spool the message when it must be read from S3.</param>
    /// <param name="cancellationToken">Cancels the move; each finished step stays safe.</param>
    public async Task MoveToFailedAsync(QueueEntry entry, string? storedPath, string reason, string temporaryDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var incoming = MailBucketLayout.IncomingKey(entry.MessageId, _incomingPrefix);
        var tags = await _store.GetTagsAsync(incoming, cancellationToken).ConfigureAwait(false);
        if (tags is not null)
        {
            if (storedPath is null)
            {
                var stored = await Messages.StoredMessage.LoadAsync(_store, incoming, temporaryDirectory, cancellationToken).ConfigureAwait(false);
                await using var storedScope = stored.ConfigureAwait(false);
                await _store.UploadAsync(MailBucketLayout.FailedKey(entry.MessageId), stored.Path, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _store.UploadAsync(MailBucketLayout.FailedKey(entry.MessageId), storedPath, cancellationToken).ConfigureAwait(false);
            }
        }

        var failed = entry with { State = QueueEntryState.Failed, LastError = reason };
        await _store.WriteAsync(MailBucketLayout.FailedEntryKey(entry.MessageId), QueueEntryCodec.Encode(failed), cancellationToken).ConfigureAwait(false);
        if (tags is not null)
        {
            await _store.PutTagsAsync(incoming, DeliveryProgress.FromTags(tags).AsFinished().ToTags(), cancellationToken).ConfigureAwait(false);
            await _store.DeleteAsync(incoming, cancellationToken).ConfigureAwait(false);
        }

        await DeleteAsync(entry.MessageId, cancellationToken).ConfigureAwait(false);
    }
}
