using System.Text;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// Decodes a body text so that encoding it again gives the same bytes: the declared charset when
/// the bytes are valid in it, else UTF-8 when they are valid UTF-8, else ISO-8859-1 (which maps
/// every byte and so always round-trips; D is ASCII, so it is still found). Legacy code pages
/// (koi8-r, shift_jis, windows-1252, …) come from <see cref="CodePagesEncodingProvider"/>
/// directly: MimeKit knows them only when the provider was registered process-wide before its
/// first charset look-up, and a library should not depend on, or change, that order.
/// </summary>
internal static class BodyText
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    /// <param name="bytes">The decoded content (Content-Transfer-Encoding undone).</param>
    /// <param name="charset">The declared charset, or null.</param>
    /// <param name="encoding">The charset the text was decoded with; encode the new text with it.</param>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset, out Encoding encoding)
    {
        foreach (var candidate in (Encoding?[])[Declared(charset), Encoding.UTF8])
        {
            if (candidate is not null && TryDecode(candidate, bytes, out var text))
            {
                encoding = candidate;
                return text;
            }
        }

        encoding = Latin1;
        return Latin1.GetString(bytes);
    }

    /// <summary>The encoding a charset name stands for, or null when .NET knows none by that name.</summary>
    public static Encoding? Declared(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        var name = charset.Trim().Trim('"');
        if (CodePagesEncodingProvider.Instance.GetEncoding(name) is { } codePage)
        {
            return codePage;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        try
        {
            text = strict.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }
}
