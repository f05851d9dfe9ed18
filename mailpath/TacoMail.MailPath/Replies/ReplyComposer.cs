using System.Text;
using MimeKit;
using TacoMail.MailPath.Messages;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// Turns the owner's reply to a reverse address into the message S receives from the alias, with
/// D's address in none of its header fields and none of its body texts: the header block is
/// rebuilt from a whitelist (<see cref="ReplyHeaders"/>), and D becomes A in every text/plain and
/// text/html body (<see cref="AddressScrubber"/>). Every other part (attachments, a forwarded
/// message, a calendar invitation) is the owner's choice to send and is copied as received. The
/// message is parsed with its contents left in the file, so a large attachment is streamed, never
/// held in memory. Nothing is logged: subjects, bodies and addresses stay out of logs.
/// </summary>
public static class ReplyComposer
{
    /// <param name="storedPath">The owner's message exactly as received (RFC 5322).</param>
    /// <param name="addresses">A, D and S.</param>
    /// <param name="output">Receives the message to send, with CRLF line ends.</param>
    /// <param name="cancellationToken">Cancels reading and writing.</param>
    /// <exception cref="MessageFormatException">The file is not a parseable message (empty, binary, or no header fields).</exception>
    public static async Task ComposeAsync(string storedPath, ReplyAddresses addresses, Stream output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(storedPath);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(output);

        var file = new FileStream(storedPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        await using var fileScope = file.ConfigureAwait(false);
        using var message = await ParseAsync(file, cancellationToken).ConfigureAwait(false);

        // Headers first: a single-part message loses a top-level Content-Disposition to the
        // whitelist, is then shown inline, and so is scrubbed as a body.
        var scrubber = new AddressScrubber(addresses.Destination, addresses.Alias);
        ReplyHeaders.Rewrite(message, addresses, scrubber);
        await ScrubTextsAsync(message.Body, scrubber, cancellationToken).ConfigureAwait(false);

        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(options, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Persistent: each part's content stays a window on the file until it is written.</summary>
    private static async Task<MimeMessage> ParseAsync(FileStream file, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            var parser = new MimeParser(file, MimeFormat.Entity, persistent: true);
            message = await parser.ParseMessageAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw new MessageFormatException("The stored reply is not a parseable message.", e);
        }

        // MimeKit reads a file that starts with a blank line as a message without fields; a mail
        // client never sends one, so it is no reply either.
        if (message.Headers.Count == 0 && (message.Body is null || message.Body.Headers.Count == 0))
        {
            message.Dispose();
            throw new MessageFormatException("The stored reply has no header fields.");
        }

        return message;
    }

    /// <summary>
    /// The bodies S reads: text/plain and text/html parts that are no attachment. A forwarded
    /// message (message/rfc822) is not entered: it is an attachment too.
    /// </summary>
    private static async Task ScrubTextsAsync(MimeEntity? entity, AddressScrubber scrubber, CancellationToken cancellationToken)
    {
        if (entity is Multipart multipart)
        {
            foreach (var child in multipart)
            {
                await ScrubTextsAsync(child, scrubber, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (entity is TextPart { IsAttachment: false, Content: { } content } text && (text.IsPlain || text.IsHtml))
        {
            await ScrubTextAsync(text, content, scrubber, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A part naming D gets new content in the charset it was decoded with (<see cref="BodyText"/>);
    /// its header, and so its charset and Content-Transfer-Encoding, stay as received (MimeKit
    /// encodes the new content with the part's encoding when writing). A part without D is not
    /// touched at all. Not <see cref="TextPart.GetText(out Encoding)"/>: it turns CRLF into LF,
    /// which a base64 body would keep.
    /// </summary>
    private static async Task ScrubTextAsync(TextPart part, IMimeContent content, AddressScrubber scrubber, CancellationToken cancellationToken)
    {
        using var decoded = new MemoryStream();
        await content.DecodeToAsync(decoded, cancellationToken).ConfigureAwait(false);
        var text = BodyText.Decode(decoded.GetBuffer().AsSpan(0, (int)decoded.Length), part.ContentType.Charset, out var encoding);
        if (!scrubber.Names(text))
        {
            return;
        }

        part.Content = new MimeContent(new MemoryStream(encoding.GetBytes(scrubber.Scrub(text)), writable: false));
    }
}
