using System.Buffers;

namespace TacoMail.Schema.Replies;

/// <summary>
/// RFC 4648 base32 in lower case without padding: the alphabet of reverse-address tokens and of
/// the reply's stand-in message ids. Case-insensitive mail systems and people's eyes read it the
/// same way, and it has no characters that need quoting in a local part.
/// </summary>
public static class LowerBase32
{
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private static readonly SearchValues<char> Characters = SearchValues.Create(Alphabet);

    /// <summary>The base32 text of <paramref name="bytes"/>: 8 characters per 5 bytes, the last one padded with zero bits.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var text = new char[((bytes.Length * 8) + 4) / 5];
        var (buffer, bits, position) = (0, 0, 0);
        foreach (var b in bytes)
        {
            buffer = ((buffer << 8) | b) & 0xFFF;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[position++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            text[position] = Alphabet[(buffer << (5 - bits)) & 31];
        }

        return new string(text);
    }

    /// <summary>Whether every character of <paramref name="text"/> is in <see cref="Alphabet"/>.</summary>
    public static bool IsEncoded(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(Characters);
}
