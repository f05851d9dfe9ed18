using System.Text;

namespace TacoMail.MailPath.Messages;

/// <summary>
/// Writes the header block of a forward from the received one, blank line included: fields kept
/// are copied in their order with CRLF line ends (<see cref="HeaderFieldParser"/>) and folded
/// where a line is too long (<see cref="HeaderFolding"/>); <see cref="HeaderRules"/> drops
/// signatures, envelope fields and repeats; the From becomes the alias
/// (<see cref="ForwardedFrom"/>); the Reply-To becomes the reverse address when one is given (so the
/// owner's reply goes out from the alias), else the original From unless the message has a
/// Reply-To; earlier <c>X-TacoMail-Alias</c> fields stay (the loop trace) and one more names the
/// alias last.
/// </summary>
public static class ForwardingHeaderRewriter
{
    public const string NewLine = "\r\n";

    /// <param name="fields">The received fields, in order.</param>
    /// <param name="aliasAddress">The alias the message is forwarded for (the new From address).</param>
    /// <param name="envelopeSender">SES's envelope sender, for a message without a usable From.</param>
    /// <param name="reverse">The reverse address standing for the alias and the <see cref="Correspondent"/>, with the correspondent's name; null to keep the original reply path.</param>
    public static byte[] Rewrite(IReadOnlyList<HeaderField> fields, string aliasAddress, string? envelopeSender, MimeKit.MailboxAddress? reverse = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrEmpty(aliasAddress);
        var originalFrom = fields.FirstOrDefault(f => f.Is(HeaderRules.From));
        var fromMailbox = originalFrom is null ? null : ForwardedFrom.FirstMailbox(originalFrom.Value);
        var needsReplyTo = reverse is not null || !fields.Any(f => f.Is(HeaderRules.ReplyTo));

        using var output = new MemoryStream();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fromWritten = false;
        foreach (var field in fields)
        {
            if (HeaderRules.IsDropped(field) || (reverse is not null && field.Is(HeaderRules.ReplyTo)))
            {
                continue;
            }

            if (field.Is(HeaderRules.From))
            {
                if (!fromWritten)
                {
                    WriteFrom(output, fromMailbox, originalFrom, envelopeSender, needsReplyTo, aliasAddress, reverse);
                    fromWritten = true;
                }

                continue;
            }

            if (HeaderRules.IsRepeatable(field) || seen.Add(field.Name))
            {
                output.Write(HeaderFolding.Fold(field.Raw, field.ValueOffset));
            }
        }

        if (!fromWritten)
        {
            WriteFrom(output, null, null, envelopeSender, needsReplyTo, aliasAddress, reverse);
        }

        Write(output, $"{HeaderRules.AliasHeader}: {aliasAddress}{NewLine}{NewLine}");
        return output.ToArray();
    }

    private static void WriteFrom(
        MemoryStream output,
        MimeKit.MailboxAddress? fromMailbox,
        HeaderField? originalFrom,
        string? envelopeSender,
        bool needsReplyTo,
        string aliasAddress,
        MimeKit.MailboxAddress? reverse)
    {
        var envelope = ForwardedFrom.EnvelopeMailbox(envelopeSender);
        output.Write(ForwardedFrom.Field(ForwardedFrom.DisplayName(fromMailbox ?? envelope), aliasAddress));
        if (!needsReplyTo)
        {
            return;
        }

        if (reverse is not null)
        {
            output.Write(ForwardedFrom.Field(HeaderRules.ReplyTo, reverse.Name ?? string.Empty, reverse.Address));
            return;
        }

        if (fromMailbox is not null && originalFrom is not null)
        {
            // The original From as written: its encoding and every address in it survive.
            var replyTo = Encoding.ASCII.GetBytes($"{HeaderRules.ReplyTo}:");
            output.Write(HeaderFolding.Fold([.. replyTo, .. originalFrom.Value], replyTo.Length));
        }
        else if (envelope is not null)
        {
            Write(output, $"{HeaderRules.ReplyTo}: {envelope.Address}{NewLine}");
        }
    }

    private static void Write(MemoryStream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
