using MimeKit;
using TacoMail.MailPath.Messages;
using TacoMail.Schema.Replies;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// The owner's reply rewritten for the correspondent (<see cref="ReplyComposer"/>), spooled to a
/// file of the host's choosing so a 40 MB reply never sits in memory. Disposing deletes it. The
/// Lambda and the SMTP front end send replies through this one type.
/// </summary>
public sealed class ComposedReply : IAsyncDisposable
{
    private ComposedReply(string path) => Message = ForwardedMessage.WholeFile(path, new FileInfo(path).Length);

    /// <summary>The reply as sent, streamed from its file.</summary>
    public ForwardedMessage Message { get; }

    /// <param name="message">The owner's message as received.</param>
    /// <param name="fields">Its top-level header fields.</param>
    /// <param name="reverse">The reverse address it was sent to.</param>
    /// <param name="destination">The alias's destination: the owner's address, which the rewrite removes.</param>
    /// <param name="path">The file to spool to; it must not exist.</param>
    /// <param name="cancellationToken">Cancels the rewrite.</param>
    /// <exception cref="MessageFormatException">The message cannot be parsed.</exception>
    public static async Task<ComposedReply> ComposeAsync(
        MessageFile message, IReadOnlyList<HeaderField> fields, ReverseAliasRecord reverse, string destination, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(reverse);
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                // The owner's client names the correspondent beside the reverse address it writes to.
                var name = Correspondent.All(fields, "To").Concat(Correspondent.All(fields, "Cc"))
                    .FirstOrDefault(m => string.Equals(m.Address, reverse.Address.Address, StringComparison.OrdinalIgnoreCase))?.Name;
                var addresses = new ReplyAddresses(reverse.Alias, destination, new MailboxAddress(name ?? string.Empty, reverse.Correspondent));
                await ReplyComposer.ComposeAsync(message.Path, addresses, file, cancellationToken).ConfigureAwait(false);
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
