using MimeKit;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Replies;
using TacoMail.Schema.Replies;

namespace TacoMail.Lambda.Delivery.Messages;

/// <summary>
/// The owner's reply rewritten for the correspondent (<see cref="ReplyComposer"/>), spooled to a
/// file beside the stored message so a 40 MB reply never sits in memory. Disposing deletes it.
/// </summary>
internal sealed class ComposedReply : IAsyncDisposable
{
    private ComposedReply(string path) => Message = new ForwardedMessage([], path, 0, new FileInfo(path).Length);

    /// <summary>The reply as sent, streamed from its file.</summary>
    public ForwardedMessage Message { get; }

    /// <param name="stored">The owner's message as received.</param>
    /// <param name="fields">Its top-level header fields.</param>
    /// <param name="reverse">The reverse address it was sent to.</param>
    /// <param name="destination">The alias's destination: the owner's address, which the rewrite removes.</param>
    /// <param name="directory">Where to spool.</param>
    /// <param name="cancellationToken">Cancels the rewrite.</param>
    /// <exception cref="MessageFormatException">The message cannot be parsed.</exception>
    public static async Task<ComposedReply> ComposeAsync(
        StoredMessage stored, IReadOnlyList<HeaderField> fields, ReverseAliasRecord reverse, string destination, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(reverse);
        var path = Path.Combine(directory, $"{TemporaryFiles.MessagePrefix}reply-{Guid.NewGuid():N}{TemporaryFiles.MessageSuffix}");
        try
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                // The owner's client names the correspondent beside the reverse address it writes to.
                var name = Correspondent.All(fields, "To").Concat(Correspondent.All(fields, "Cc"))
                    .FirstOrDefault(m => string.Equals(m.Address, reverse.Address.Address, StringComparison.OrdinalIgnoreCase))?.Name;
                var addresses = new ReplyAddresses(reverse.Alias, destination, new MailboxAddress(name ?? string.Empty, reverse.Correspondent));
                await ReplyComposer.ComposeAsync(stored.Path, addresses, file, cancellationToken).ConfigureAwait(false);
            }

            return new ComposedReply(path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Message.Path);
        return ValueTask.CompletedTask;
    }
}
