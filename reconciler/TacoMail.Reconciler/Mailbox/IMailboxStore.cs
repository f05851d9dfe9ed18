using TacoMail.MailPath.Storage;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// The object store holding the mailbox (S3 in production), narrowed to the three calls the
/// fetcher makes, so that the Maildir delivery protocol can be tested against a fake that records
/// the order of operations and fails on demand.
/// </summary>
internal interface IMailboxStore
{
    /// <summary>Every object under <paramref name="prefix"/>, in key order, across all pages.</summary>
    /// <exception cref="MailboxStoreException">The store refused or could not be reached.</exception>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <exception cref="MailboxStoreException">The object cannot be read.</exception>
    Task<StoredContent> OpenAsync(string key, CancellationToken cancellationToken);

    /// <exception cref="MailboxStoreException">The object cannot be deleted.</exception>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
