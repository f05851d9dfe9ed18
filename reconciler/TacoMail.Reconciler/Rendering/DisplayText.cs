using System.Globalization;
using System.Text;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Makes a value read from the table safe to print. Keys and reasons of hand-edited items may hold
/// line breaks, escape sequences or bidirectional overrides, which would forge lines in a terminal
/// or close a code block in a PR comment; those characters are shown as <c>\uXXXX</c> instead.
/// </summary>
internal static class DisplayText
{
    public static string Printable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(IsUnprintable))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            if (IsUnprintable(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnprintable(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
