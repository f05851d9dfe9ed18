using System.Collections.Immutable;
using System.Text;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The unreadable table items the plan leaves alone, so that a reviewer sees them in the pull
/// request rather than only in a CI log. Reasons are shown in a code block: they quote keys of
/// hand-edited items, which markdown must not interpret.
/// </summary>
internal static class MarkdownSkippedSection
{
    private const string Open = "```text\n";
    private const string Close = "```\n\n";

    public static string Render(ImmutableArray<ScannedUnreadableItem> skipped, int allowance)
    {
        if (skipped.IsEmpty)
        {
            return string.Empty;
        }

        var intro = skipped.Length == 1
            ? "1 table item could not be read and was left untouched; fix or delete it by hand:"
            : $"{MarkdownText.Number(skipped.Length)} table items could not be read and were left untouched; fix or delete them by hand:";
        var builder = new StringBuilder($"### Skipped items\n\n{intro}\n\n");
        var entries = skipped
            .Select(s => $"- {MarkdownText.Code(s.Key?.FullAddress ?? "(unreadable key)")}: {MarkdownText.Code(s.Reason)}\n")
            .ToList();
        var shown = MarkdownBlock.Fitting(entries, allowance - builder.Length - Open.Length - Close.Length - More(entries.Count, false).Length);
        if (shown > 0)
        {
            builder.Append(Open).AppendJoin(string.Empty, entries.Take(shown)).Append(Close);
        }

        return shown < entries.Count ? builder.Append(More(entries.Count - shown, shown > 0)).ToString() : builder.ToString();
    }

    private static string More(int hidden, bool someShown) => someShown
        ? $"_…and {MarkdownText.Count(hidden, "more item", "more items")} not shown._\n\n"
        : $"_The {MarkdownText.Count(hidden, "item is", "items are")} not shown, to keep this comment within GitHub's size limit._\n\n";
}
