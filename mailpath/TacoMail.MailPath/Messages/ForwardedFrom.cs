using System.Globalization;
using System.Text;
using MimeKit;

namespace TacoMail.MailPath.Messages;

/// <summary>
/// The From and Reply-To of a forward. SES sends only from verified identities, so the forward
/// comes from the alias itself, named after the original sender so the inbox still shows who wrote:
/// <c>"Jane Doe via TacoMail" &lt;shop@example.com&gt;</c> (the sender's address stands in for a
/// missing name). MimeKit parses the original address (RFC 2047 words, comments, groups) and
/// quotes or encodes the new name.
/// </summary>
internal static class ForwardedFrom
{
    public const string Suffix = " via TacoMail";
    public const int MaxNameLength = 100;
    public const string UnknownSender = "unknown sender";

    /// <summary>The first mailbox of an address header's raw value, or null when it has none.</summary>
    public static MailboxAddress? FirstMailbox(ReadOnlySpan<byte> rawValue)
    {
        var bytes = rawValue.ToArray();
        return InternetAddressList.TryParse(ParserOptions.Default, bytes, 0, bytes.Length, out var list)
            ? list.Mailboxes.FirstOrDefault(m => !string.IsNullOrWhiteSpace(m.Address))
            : null;
    }

    /// <summary>The envelope sender as a mailbox, or null (an empty reverse path, or not an address).</summary>
    public static MailboxAddress? EnvelopeMailbox(string? envelopeSender) =>
        !string.IsNullOrWhiteSpace(envelopeSender) && MailboxAddress.TryParse(envelopeSender.Trim(), out var mailbox)
            ? mailbox
            : null;

    /// <summary>The display name of the forward: the original name or address, cleaned and shortened, plus <see cref="Suffix"/>.</summary>
    public static string DisplayName(MailboxAddress? original) => NameOf(original) + Suffix;

    /// <summary>The original name, or the address where there is none, cleaned and shortened to <see cref="MaxNameLength"/>.</summary>
    public static string NameOf(MailboxAddress? original)
    {
        var name = original is null ? null : Clean(original.Name) is { Length: > 0 } n ? n : Clean(original.Address);
        if (string.IsNullOrEmpty(name))
        {
            name = UnknownSender;
        }

        if (name.Length > MaxNameLength)
        {
            // Whole text elements only: a cut never splits a surrogate pair or a combined character.
            var info = new StringInfo(name);
            var elements = 0;
            var length = 0;
            while (elements < info.LengthInTextElements
                && length + StringInfo.GetNextTextElementLength(name, length) <= MaxNameLength)
            {
                length += StringInfo.GetNextTextElementLength(name, length);
                elements++;
            }

            name = name[..length].TrimEnd();
        }

        return name;
    }

    /// <summary>A complete <c>From:</c> field for <paramref name="aliasAddress"/>, encoded, ending in CRLF.</summary>
    public static byte[] Field(string displayName, string aliasAddress) => Field(HeaderRules.From, displayName, aliasAddress);

    /// <summary>A complete address field <paramref name="name"/> with one mailbox, encoded and folded by MimeKit, ending in CRLF.</summary>
    public static byte[] Field(string name, string displayName, string address)
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        options.International = false;
        var mailbox = new MailboxAddress(displayName, address);
        return Encoding.ASCII.GetBytes($"{name}: {mailbox.ToString(options, encode: true)}\r\n");
    }

    /// <summary>
    /// Control characters and runs of white space become single spaces; format characters (bidi
    /// overrides and isolates, zero-width characters) go, so a name cannot reorder or hide what
    /// the inbox shows next to the alias.
    /// </summary>
    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            builder.Append(char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c);
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
