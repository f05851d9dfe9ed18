using System.Globalization;
using System.Net;
using System.Text;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Escaping and number formatting for the markdown plan. Values go into three contexts: code
/// blocks (only line breaks matter, see <see cref="DisplayText"/>), raw HTML (<c>&lt;summary&gt;</c>)
/// and markdown text, where a hand-edited key must not turn into a link, an image or a mention.
/// </summary>
internal static class MarkdownText
{
    private const string MarkdownSpecials = "\\`*_{}[]<>#!|~&@:";

    public static string Code(string value) => DisplayText.Printable(value);

    public static string Html(string value) => WebUtility.HtmlEncode(DisplayText.Printable(value));

    public static string Inline(string value)
    {
        var printable = DisplayText.Printable(value);
        var builder = new StringBuilder(printable.Length + 8);
        foreach (var c in printable)
        {
            if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A count with thousands separators (<c>12,345</c>).</summary>
    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><c>1 domain</c>, <c>12,345 domains</c>.</summary>
    public static string Count(int value, string singular, string plural) =>
        $"{Number(value)} {(value == 1 ? singular : plural)}";
}
