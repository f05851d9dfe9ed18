namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>
/// The mail bucket as delivery uses it: the stored message, its tags (the per-recipient progress),
/// uploads into the mailbox, and removal. Behind an interface so the delivery rules are
/// tested against memory; the real one is <see cref="S3MailStore"/>.
/// </summary>
internal interface IMailStore
{
    /// <summary>The object's tags, or null when the object does not exist.</summary>
    Task<IReadOnlyList<MailObjectTag>?> GetTagsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Replaces the object's whole tag set.</summary>
    Task PutTagsAsync(string key, IReadOnlyList<MailObjectTag> tags, CancellationToken cancellationToken);

    /// <summary>Streams the object into <paramref name="destination"/>; returns the bytes copied.</summary>
    /// <exception cref="MailObjectMissingException">The object does not exist (deleted meanwhile).</exception>
    Task<long> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken);

    /// <summary>Writes the file at <paramref name="path"/> as the object <paramref name="key"/>, streamed.</summary>
    Task UploadAsync(string key, string path, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>A small object whole (a queue entry), or null when it does not exist.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes a small object whole (a queue entry).</summary>
    Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken);

    /// <summary>Every key under <paramref name="prefix"/>, in key order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);
}
