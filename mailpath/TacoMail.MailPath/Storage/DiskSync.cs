namespace TacoMail.MailPath.Storage;

/// <summary>The real fsyncs: <see cref="FileStream.Flush(bool)"/> and fsync(2) on the directory.</summary>
public sealed class DiskSync : IDiskSync
{
    public void FlushFile(FileStream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Flush(flushToDisk: true);
    }

    public void SyncDirectory(string directory)
    {
        DirectorySync.Sync(directory);
    }
}
