using System.Text;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// A GitHub alert (<c>&gt; [!NOTE]</c>, <c>&gt; [!CAUTION]</c>) holding a bold heading and a list,
/// cut to its allowance: the shape of every short list the comment puts above the changes.
/// </summary>
internal static class MarkdownAlert
{
    /// <param name="kind">The alert's kind: <c>NOTE</c>, <c>CAUTION</c>.</param>
    /// <param name="heading">The bold line, without its colon.</param>
    /// <param name="items">The list items as markdown, one line each.</param>
    /// <param name="allowance">The most characters the alert may take; empty when not even the heading fits.</param>
    public static string Render(string kind, string heading, IReadOnlyList<string> items, int allowance)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder($"> [!{kind}]\n> **{heading}:**\n");
        var entries = items.Select(item => $"> - {item}\n").ToList();
        var room = allowance - builder.Length - More(entries.Count).Length - 1;
        if (room < 0)
        {
            return string.Empty;
        }

        var shown = MarkdownBlock.Fitting(entries, room);
        builder.AppendJoin(string.Empty, entries.Take(shown));
        if (shown < entries.Count)
        {
            builder.Append(More(entries.Count - shown));
        }

        return builder.Append('\n').ToString();
    }

    private static string More(int hidden) => $"> - _…and {MarkdownText.Count(hidden, "more", "more")} not shown._\n";
}
