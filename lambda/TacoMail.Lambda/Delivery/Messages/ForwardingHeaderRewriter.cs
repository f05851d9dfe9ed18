using System.Text;

namespace TacoMail.Lambda.Delivery.Messages;

/// <summary>
/// Writes the header block of a forward from the received one: fields kept are copied byte for
/// byte in their order; <see cref="HeaderRules"/> drops signatures, envelope fields and repeats;
/// the From becomes the alias (<see cref="ForwardedFrom"/>) with a Reply-To to the original From
/// unless the message has a Reply-To; <c>X-TacoMail-Alias</c> names the alias last.
/// </summary>
internal static class ForwardingHeaderRewriter
{
    /// <param name="fields">The received fields, in order.</param>
    /// <param name="aliasAddress">The alias the message is forwarded for (the new From address).</param>
    /// <param name="envelopeSender">SES's envelope sender, for a message without a usable From.</param>
    /// <param name="newLine">The line ending of added fields (the message's own).</param>
    public static byte[] Rewrite(IReadOnlyList<HeaderField> fields, string aliasAddress, string? envelopeSender, string newLine)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrEmpty(aliasAddress);
        var originalFrom = fields.FirstOrDefault(f => f.Is(HeaderRules.From));
        var fromMailbox = originalFrom is null ? null : ForwardedFrom.FirstMailbox(originalFrom.Value);
        var needsReplyTo = !fields.Any(f => f.Is(HeaderRules.ReplyTo));

        using var output = new MemoryStream();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var fromWritten = false;
        foreach (var field in fields)
        {
            if (HeaderRules.IsDropped(field))
            {
                continue;
            }

            if (field.Is(HeaderRules.From))
            {
                if (!fromWritten)
                {
                    WriteFrom(output, fromMailbox, originalFrom, envelopeSender, needsReplyTo, aliasAddress, newLine);
                    fromWritten = true;
                }

                continue;
            }

            if (HeaderRules.IsRepeatable(field) || seen.Add(field.Name))
            {
                output.Write(field.Raw);
            }
        }

        if (!fromWritten)
        {
            WriteFrom(output, null, null, envelopeSender, needsReplyTo, aliasAddress, newLine);
        }

        Write(output, $"{HeaderRules.AliasHeader}: {aliasAddress}{newLine}");
        return output.ToArray();
    }

    private static void WriteFrom(
        MemoryStream output,
        MimeKit.MailboxAddress? fromMailbox,
        HeaderField? originalFrom,
        string? envelopeSender,
        bool needsReplyTo,
        string aliasAddress,
        string newLine)
    {
        var envelope = ForwardedFrom.EnvelopeMailbox(envelopeSender);
        output.Write(ForwardedFrom.Field(ForwardedFrom.DisplayName(fromMailbox ?? envelope), aliasAddress, newLine));
        if (!needsReplyTo)
        {
            return;
        }

        if (fromMailbox is not null && originalFrom is not null)
        {
            // The original From as written: its encoding and every address in it survive.
            Write(output, $"{HeaderRules.ReplyTo}:");
            output.Write(originalFrom.Value);
        }
        else if (envelope is not null)
        {
            Write(output, $"{HeaderRules.ReplyTo}: {envelope.Address}{newLine}");
        }
    }

    private static void Write(MemoryStream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));
}
