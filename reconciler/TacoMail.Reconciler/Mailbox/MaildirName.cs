namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// Maildir file names: a unique name, optionally followed by <c>:2,FLAGS</c> once a mail client
/// has seen the message and moved it to <c>cur/</c>. Comparing unique names is how the fetcher
/// recognises a message it delivered before, wherever the client has put it since.
/// </summary>
internal static class MaildirName
{
    /// <summary>Separates the unique name from the info part (<c>2,S</c>) in <c>cur/</c>.</summary>
    public const char InfoSeparator = ':';

    /// <summary>Longest file name most file systems accept, in UTF-8 bytes.</summary>
    private const int MaxFileNameBytes = 255;

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
            && System.Text.Encoding.UTF8.GetByteCount(name) <= MaxFileNameBytes;
    }
}
