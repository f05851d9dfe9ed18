using TacoMail.MailPath.Storage;

namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>
/// Really fsyncs, and journals each call with what the Maildir looked like at that moment: the
/// file length when it is flushed, and what <c>new/</c> and <c>tmp/</c> hold when <c>new/</c> is synced.
/// </summary>
internal sealed class RecordingDiskSync(OperationJournal journal, string root) : IDiskSync
{
    private readonly DiskSync _real = new();

    public void FlushFile(FileStream file)
    {
        _real.FlushFile(file);
        journal.Add($"flush {Relative(file.Name)} {file.Length}");
    }

    public void SyncDirectory(string directory)
    {
        _real.SyncDirectory(directory);
        journal.Add($"sync {Relative(directory)} new=[{Names("new")}] tmp=[{Names("tmp")}]");
    }

    private string Names(string folder) =>
        string.Join(",", Directory.EnumerateFiles(Path.Combine(root, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal));

    private string Relative(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
