using System.Buffers;

namespace TacoMail.Smtp.Spool;

/// <summary>
/// The file operations the spool's durability rests on, as a seam: tests make one step fail to
/// show that a failure answers 451 and leaves nothing half-queued.
/// </summary>
internal interface ISpoolDisk
{
    /// <summary>Creates <paramref name="path"/> (it must not exist), writes <paramref name="content"/> and fsyncs the file.</summary>
    Task WriteDurablyAsync(string path, ReadOnlySequence<byte> content, CancellationToken cancellationToken);

    /// <summary>fsync(2) on a directory, so the names created or renamed in it survive a power cut.</summary>
    void SyncDirectory(string directory);

    /// <summary>An atomic rename within one file system; unless <paramref name="overwrite"/>, fails when <paramref name="destination"/> exists.</summary>
    void Move(string source, string destination, bool overwrite = false);

    void Delete(string path);
}
