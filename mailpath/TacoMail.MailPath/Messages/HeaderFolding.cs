namespace TacoMail.MailPath.Messages;

/// <summary>
/// Keeps every header line within RFC 5322's limit of 998 octets (SES refuses a message with a
/// longer one) by folding: a line break is put before a blank, which then starts the next line,
/// so the field's value is unchanged once unfolded. A line with no blank to fold at gets one.
/// </summary>
internal static class HeaderFolding
{
    public const int MaxLineLength = 998;

    /// <param name="field">A whole field with CRLF line ends.</param>
    /// <param name="valueOffset">Where its value starts: folding never splits the name.</param>
    /// <returns><paramref name="field"/> itself when no line is too long.</returns>
    public static byte[] Fold(byte[] field, int valueOffset)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!HasLongLine(field))
        {
            return field;
        }

        using var output = new MemoryStream(field.Length + 64);
        var position = 0;
        var first = true;
        while (position < field.Length)
        {
            var end = field.AsSpan(position).IndexOf("\r\n"u8);
            var line = end < 0 ? field.AsSpan(position) : field.AsSpan(position, end);
            WriteFolded(output, line, first ? valueOffset : 1);
            output.Write("\r\n"u8);
            position += line.Length + 2;
            first = false;
        }

        return output.ToArray();
    }

    private static bool HasLongLine(ReadOnlySpan<byte> field)
    {
        while (!field.IsEmpty)
        {
            var end = field.IndexOf("\r\n"u8);
            var length = end < 0 ? field.Length : end;
            if (length > MaxLineLength)
            {
                return true;
            }

            field = end < 0 ? [] : field[(end + 2)..];
        }

        return false;
    }

    /// <summary>Writes one line, folded before a blank at or after <paramref name="earliest"/> where it is too long.</summary>
    private static void WriteFolded(MemoryStream output, ReadOnlySpan<byte> line, int earliest)
    {
        while (line.Length > MaxLineLength)
        {
            var window = line[..(MaxLineLength + 1)];
            var blank = window.LastIndexOfAny((byte)' ', (byte)'\t');
            if (blank >= Math.Max(earliest, 1))
            {
                output.Write(line[..blank]);
                output.Write("\r\n"u8);
                line = line[blank..];
            }
            else
            {
                // No blank to fold at: break the line and start the next one with a space.
                output.Write(line[..MaxLineLength]);
                output.Write("\r\n"u8);
                line = (byte[])[(byte)' ', .. line[MaxLineLength..]];
            }

            earliest = 1;
        }

        output.Write(line);
    }
}
