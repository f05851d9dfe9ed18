using System.Text;

namespace TacoMail.Lambda.Delivery.Messages;

/// <summary>
/// Splits a header block into fields (RFC 5322 section 2.2: a field starts at a line that does not
/// begin with a blank; folded lines belong to it). Lines that are no field at all, such as an mbox
/// <c>From </c> line or a name with a space in it, are dropped with their folded lines: SES
/// refuses a message that holds them ("Empty header names are illegal").
/// </summary>
internal static class HeaderFieldParser
{
    /// <param name="block">The header lines, each ending with LF.</param>
    /// <param name="dropped">How many lines were dropped.</param>
    public static IReadOnlyList<HeaderField> Parse(ReadOnlySpan<byte> block, out int dropped)
    {
        var fields = new List<HeaderField>();
        dropped = 0;
        var start = -1;
        var nameEnd = 0;
        string? name = null;
        var position = 0;
        while (position < block.Length)
        {
            var lf = block[position..].IndexOf((byte)'\n');
            var end = lf < 0 ? block.Length : position + lf + 1;
            var line = block[position..end];
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                dropped += name is null ? 1 : 0;
            }
            else
            {
                Flush(block, fields, name, start, nameEnd, position);
                name = NameOf(line, out var colon);
                start = position;
                nameEnd = position + colon + 1;
                dropped += name is null ? 1 : 0;
            }

            position = end;
        }

        Flush(block, fields, name, start, nameEnd, position);
        return fields;
    }

    private static void Flush(ReadOnlySpan<byte> block, List<HeaderField> fields, string? name, int start, int valueStart, int end)
    {
        if (name is not null)
        {
            fields.Add(new HeaderField(name, block[start..end].ToArray(), valueStart - start));
        }
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
