using TacoMail.MailPath.Messages;
using TacoMail.Schema.Mailbox;
using TacoMail.Schema.Records;
using TacoMail.Smtp.Spool;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// The local mailbox (<c>--maildir</c>), laid out as the mail bucket's: mail for an alias is filed
/// as <c>DOMAIN/LOCAL/new/NAME</c>, one Maildir per alias that any mail client or
/// <c>tacomail fetch</c>'s readers understand. The name is <see cref="MaildirName"/>'s, derived from
/// the queue id and the alias, so filing again after a crash rewrites the same file instead of a
/// second copy. Written in the Maildir's <c>tmp/</c>, fsynced, then renamed into <c>new/</c>.
/// </summary>
internal sealed class MaildirStore
{
    private readonly ISpoolDisk _disk;

    public MaildirStore(string root, ISpoolDisk disk)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(disk);
        Root = Path.GetFullPath(root);
        _disk = disk;
    }

    public string Root { get; }

    /// <summary>Files <paramref name="message"/> for <paramref name="alias"/>; returns its path once durable.</summary>
    /// <exception cref="IOException">Or another I/O exception: nothing was filed, the caller tries again later.</exception>
    /// <exception cref="InvalidOperationException">The alias cannot name a folder safely (it is never filed).</exception>
    public async Task<string> FileAsync(ItemKey alias, MessageFile message, string queueId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var folder = Path.GetFullPath(Path.Combine(Root, alias.SubDomain, alias.LocalPart));
        if (!folder.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || alias.LocalPart.StartsWith('.') || alias.LocalPart.Contains('/', StringComparison.Ordinal) || alias.LocalPart.Contains('\\', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the alias's local part cannot name a Maildir folder");
        }

        var name = MaildirName.For(alias, queueId, receivedAt);
        var tmp = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
        var @new = Directory.CreateDirectory(Path.Combine(folder, MailboxKey.NewFolder)).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "cur"));
        var tmpPath = Path.Combine(tmp, name);
        var filed = Path.Combine(@new, name);
        var source = new FileStream(message.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (source.ConfigureAwait(false))
        {
            var target = new FileStream(tmpPath, FileMode.Create, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous);
            await using (target.ConfigureAwait(false))
            {
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                target.Flush(flushToDisk: true);
            }
        }

        _disk.Move(tmpPath, filed, overwrite: true);
        _disk.SyncDirectory(@new);
        return filed;
    }
}
