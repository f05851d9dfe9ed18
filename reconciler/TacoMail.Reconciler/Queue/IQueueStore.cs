using TacoMail.Reconciler.Mailbox;

namespace TacoMail.Reconciler.Queue;

/// <summary>
/// The mail bucket as <c>tacomail queue</c> sees it: objects by key, whole (queue entries are small,
/// and a message SES accepted is at most 40 MB), and their tags. Narrow so that listing and the
/// retry and discard steps are tested against an in-memory bucket that fails on demand.
/// </summary>
internal interface IQueueStore
{
    /// <summary>Every object under <paramref name="prefix"/>, in key order, across all pages.</summary>
    /// <exception cref="MailboxStoreException">The store refused or could not be reached.</exception>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <exception cref="MailboxStoreException">The store refused or could not be reached.</exception>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <exception cref="MailboxStoreException">The object is missing or cannot be read.</exception>
    Task<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the object.</summary>
    /// <exception cref="MailboxStoreException">The object cannot be written.</exception>
    Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken);

    /// <exception cref="MailboxStoreException">The tags cannot be read.</exception>
    Task<IReadOnlyList<KeyValuePair<string, string>>> ReadTagsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Replaces the object's tags.</summary>
    /// <exception cref="MailboxStoreException">The tags cannot be written.</exception>
    Task WriteTagsAsync(string key, IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken);

    /// <exception cref="MailboxStoreException">The object cannot be deleted.</exception>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
