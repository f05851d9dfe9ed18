using System.Buffers;
using TacoMail.Smtp.Spool;

namespace TacoMail.Bench.Smtp;

/// <summary>A spool disk that keeps nothing: the server measured without its disk part.</summary>
internal sealed class DiscardingSpoolDisk : ISpoolDisk
{
    public Task WriteDurablyAsync(string path, ReadOnlySequence<byte> content, CancellationToken cancellationToken) => Task.CompletedTask;

    public void SyncDirectory(string directory)
    {
    }

    public void Move(string source, string destination, bool overwrite = false)
    {
    }

    public void Delete(string path)
    {
    }
}
