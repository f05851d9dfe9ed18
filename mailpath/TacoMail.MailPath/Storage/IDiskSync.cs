namespace TacoMail.MailPath.Storage;

/// <summary>
/// The two fsyncs of Maildir delivery: the message file before it is renamed into <c>new/</c>,
/// and <c>new/</c> itself after the rename, so that a crash after S3 deleted the object cannot
/// lose the message. Behind an interface so tests can check they happen, and in which order.
/// </summary>
public interface IDiskSync
{
    /// <summary>Writes <paramref name="file"/>'s data through to the disk.</summary>
    void FlushFile(FileStream file);

    /// <summary>Makes the entries of <paramref name="directory"/> (a rename into it) durable.</summary>
    /// <exception cref="IOException">The directory cannot be synced.</exception>
    void SyncDirectory(string directory);
}
