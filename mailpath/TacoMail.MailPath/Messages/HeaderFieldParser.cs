using System.Text;

namespace TacoMail.MailPath.Messages;

/// <summary>
/// Splits a header block into fields (RFC 5322 section 2.2: a field starts at a line that does not
/// begin with a blank; folded lines belong to it) and writes each one back with CRLF line ends.
/// </summary>
/// <remarks>
/// A line ends at CRLF, at a bare LF and at a bare CR alike. Mail software disagrees on bare line
/// ends, so a field hidden behind one (<c>Subject: x\rReturn-Path: &lt;y&gt;</c>) would be a
/// field to some reader downstream; splitting at every one of them makes each such field visible
/// here, where the rewrite can drop it, and the CRLF-only output leaves no other way to read it.
/// Lines that are no field at all, such as an mbox <c>From </c> line, a name with a space in it,
/// or an empty line between bare line ends, are dropped with their folded lines: SES refuses a
/// message that holds them ("Empty header names are illegal").
/// </remarks>
public static class HeaderFieldParser
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    /// <param name="block">The header lines as received.</param>
    /// <param name="dropped">How many lines were dropped.</param>
    public static IReadOnlyList<HeaderField> Parse(ReadOnlySpan<byte> block, out int dropped)
    {
        var fields = new List<HeaderField>();
        dropped = 0;
        using var current = new MemoryStream();
        string? name = null;
        var valueOffset = 0;
        var position = 0;
        while (position < block.Length)
        {
            var line = NextLine(block, ref position);
            if (line.IsEmpty)
            {
                dropped++;
                continue;
            }

            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (name is null)
                {
                    dropped++;
                    continue;
                }

                current.Write(line);
                current.Write(CrLf);
                continue;
            }

            Flush(fields, name, current, valueOffset);
            name = NameOf(line, out var colon);
            if (name is null)
            {
                dropped++;
                continue;
            }

            valueOffset = colon + 1;
            current.Write(line);
            current.Write(CrLf);
        }

        Flush(fields, name, current, valueOffset);
        return fields;
    }

    /// <summary>The line starting at <paramref name="position"/>, without its end (CRLF, LF or CR), moving past it.</summary>
    private static ReadOnlySpan<byte> NextLine(ReadOnlySpan<byte> block, ref int position)
    {
        var rest = block[position..];
        var end = rest.IndexOfAny((byte)'\r', (byte)'\n');
        if (end < 0)
        {
            position = block.Length;
            return rest;
        }

        var terminator = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1;
        position += end + terminator;
        return rest[..end];
    }

    private static void Flush(List<HeaderField> fields, string? name, MemoryStream current, int valueOffset)
    {
        if (name is not null && current.Length > 0)
        {
            fields.Add(new HeaderField(name, current.ToArray(), valueOffset));
        }

        current.SetLength(0);
    }

    /// <summary>The field name of a line (printable US-ASCII except colon, then optional blanks, then a colon), or null.</summary>
    private static string? NameOf(ReadOnlySpan<byte> line, out int colon)
    {
        colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return null;
        }

        var name = line[..colon].TrimEnd(" \t"u8);
        foreach (var b in name)
        {
            if (b is < 33 or > 126)
            {
                return null;
            }
        }

        return name.IsEmpty ? null : Encoding.ASCII.GetString(name);
    }
}
