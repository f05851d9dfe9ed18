using System.Collections.Concurrent;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Storage;
using TacoMail.Schema.Mailbox;
using TacoMail.Schema.Records;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// The local mailbox (<c>--maildir</c>), laid out as the mail bucket's: mail for an alias is filed
/// as <c>DOMAIN/LOCAL/new/NAME</c>, one <see cref="Maildir"/> per alias (the one Maildir protocol,
/// also <c>tacomail fetch</c>'s). The name is <see cref="MaildirName"/>'s, derived from the queue id
/// and the alias, so a message filed before a crash is recognised, even after a mail client moved
/// it to <c>cur/</c>, and never filed twice.
/// </summary>
internal sealed class MaildirStore
{
    private readonly IDiskSync _sync;
    private readonly ConcurrentDictionary<ItemKey, Maildir> _maildirs = new();

    public MaildirStore(string root, IDiskSync sync)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(sync);
        Root = Path.GetFullPath(root);
        _sync = sync;
    }

    public string Root { get; }

    /// <summary>Files <paramref name="message"/> for <paramref name="alias"/>; returns once it is durable.</summary>
    /// <exception cref="IOException">Or another I/O exception: nothing was filed, the caller tries again later.</exception>
    /// <exception cref="InvalidOperationException">The alias cannot name a folder safely (it is never filed).</exception>
    public async Task FileAsync(ItemKey alias, MessageFile message, string queueId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var maildir = _maildirs.GetOrAdd(alias, Open);
        var name = MaildirName.For(alias, queueId, receivedAt);
        if (maildir.Contains(name))
        {
            return;
        }

        var content = new StoredContent(File.OpenRead(message.Path), message.Length);
        await using (content.ConfigureAwait(false))
        {
            await maildir.DeliverAsync(name, content, cancellationToken).ConfigureAwait(false);
        }
    }

    private Maildir Open(ItemKey alias)
    {
        var folder = Path.GetFullPath(Path.Combine(Root, alias.SubDomain, alias.LocalPart));
        if (!folder.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || alias.LocalPart.StartsWith('.') || alias.LocalPart.Contains('/', StringComparison.Ordinal) || alias.LocalPart.Contains('\\', StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the alias's local part cannot name a Maildir folder");
        }

        return Maildir.Open(folder, _sync);
    }
}
