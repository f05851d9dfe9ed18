using MimeKit;

namespace TacoMail.MailPath.Messages;

/// <summary>
/// Who a reply to a received message goes to, as a mail client would decide it: the first mailbox
/// of <c>Reply-To</c>, else of <c>From</c>, else the envelope sender. A forward's reverse address
/// stands for this correspondent.
/// </summary>
public static class Correspondent
{
    /// <summary>The correspondent, or null when the message names none (no usable header and a null reverse path).</summary>
    public static MailboxAddress? Of(IReadOnlyList<HeaderField> fields, string? envelopeSender)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return First(fields, HeaderRules.ReplyTo) ?? First(fields, HeaderRules.From) ?? ForwardedFrom.EnvelopeMailbox(envelopeSender);
    }

    /// <summary>
    /// The Reply-To of a forward: the reverse address, named after the correspondent (their name,
    /// or their address where they gave none) so the owner's mailbox shows whom a reply goes to.
    /// </summary>
    public static MailboxAddress ReplyTo(MailboxAddress correspondent, string reverseAddress)
    {
        ArgumentNullException.ThrowIfNull(correspondent);
        ArgumentException.ThrowIfNullOrEmpty(reverseAddress);
        return new MailboxAddress(ForwardedFrom.NameOf(correspondent), reverseAddress);
    }

    /// <summary>The first mailbox of the first field named <paramref name="name"/>, or null.</summary>
    public static MailboxAddress? First(IReadOnlyList<HeaderField> fields, string name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.FirstOrDefault(f => f.Is(name)) is { } field ? ForwardedFrom.FirstMailbox(field.Value) : null;
    }

    /// <summary>Every mailbox of every field named <paramref name="name"/> (unparseable fields give none).</summary>
    public static IReadOnlyList<MailboxAddress> All(IReadOnlyList<HeaderField> fields, string name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var mailboxes = new List<MailboxAddress>();
        foreach (var field in fields.Where(f => f.Is(name)))
        {
            var bytes = field.Value.ToArray();
            if (InternetAddressList.TryParse(ParserOptions.Default, bytes, 0, bytes.Length, out var list))
            {
                mailboxes.AddRange(list.Mailboxes);
            }
            else
            {
                // An unparseable address field counts as a mailbox no one can match.
                mailboxes.Add(new MailboxAddress(string.Empty, "unparseable@invalid"));
            }
        }

        return mailboxes;
    }
}
