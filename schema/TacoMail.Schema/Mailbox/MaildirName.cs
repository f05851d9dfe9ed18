using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TacoMail.Schema.Records;

namespace TacoMail.Schema.Mailbox;

/// <summary>
/// Maildir file names (cr.yp.to/proto/maildir.html) as the delivery writes them and
/// <c>tacomail fetch</c> reads them. The delivery derives every part from the message, never from
/// the clock or the machine, so a retried delivery writes the same name instead of a second copy:
/// <c>{SES receipt seconds}.T{32 hex digits of SHA-256(message id, alias)}.{<see cref="Host"/>}</c>.
/// A mail client may later append <c>:2,FLAGS</c> (the info part) when it moves the file to
/// <c>cur/</c>; comparing unique parts is how the fetcher recognises a message it delivered before.
/// </summary>
public static class MaildirName
{
    /// <summary>The host part of every name the delivery writes.</summary>
    public const string Host = "tacomail";

    /// <summary>Separates the unique name from the info part (<c>2,S</c>) in <c>cur/</c>.</summary>
    public const char InfoSeparator = ':';

    /// <summary>Longest file name most file systems accept, in UTF-8 bytes.</summary>
    private const int MaxFileNameBytes = 255;

    /// <summary>The name the delivery files message <paramref name="messageId"/> for <paramref name="alias"/> under.</summary>
    public static string For(ItemKey alias, string messageId, DateTimeOffset received)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}\n{alias.FullAddress}"));
        var seconds = received.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{seconds}.T{Convert.ToHexStringLower(hash)[..32]}.{Host}";
    }

    /// <summary>The unique part of a file name in <c>new/</c> or <c>cur/</c>.</summary>
    public static string UniquePart(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var separator = fileName.IndexOf(InfoSeparator, StringComparison.Ordinal);
        return separator < 0 ? fileName : fileName[..separator];
    }

    /// <summary>
    /// Whether <paramref name="name"/> can be delivered as is: not hidden (Maildir readers skip
    /// dot files), no info part, no path separator, no control characters, and short enough.
    /// </summary>
    public static bool IsValidUniqueName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length > 0
            && name[0] != '.'
            && name.IndexOfAny(['/', '\\', InfoSeparator]) < 0
            && !name.Any(char.IsControl)
            && Encoding.UTF8.GetByteCount(name) <= MaxFileNameBytes;
    }
}
