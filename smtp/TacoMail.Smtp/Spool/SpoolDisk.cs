using System.Buffers;
using TacoMail.MailPath.Storage;

namespace TacoMail.Smtp.Spool;

/// <summary>The real disk: write-through file streams, fsync on files and directories, rename.</summary>
internal sealed class SpoolDisk : ISpoolDisk
{
    public async Task WriteDurablyAsync(string path, ReadOnlySequence<byte> content, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            PreallocationSize = content.Length,
        });
        await using (stream.ConfigureAwait(false))
        {
            foreach (var segment in content)
            {
                await stream.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
            }

            stream.Flush(flushToDisk: true);
        }
    }

    public void SyncDirectory(string directory) => DirectorySync.Sync(directory);

    public void Move(string source, string destination, bool overwrite = false) => File.Move(source, destination, overwrite);

    public void Delete(string path) => File.Delete(path);
}
