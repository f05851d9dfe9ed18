using System.Collections.Immutable;
using System.Text;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The aliases the plan would stop or redirect that received mail recently, as a caution alert
/// near the top of the comment, so a reviewer sees the busy ones before the full list. Addresses
/// are aliases, never destinations, so nothing here needs masking; what does not fit in the
/// allowance is counted instead.
/// </summary>
internal static class MarkdownUsageSection
{
    public static string Render(ImmutableArray<AliasChange> impact, int allowance)
    {
        var recent = impact.Where(c => c.Usage is { IsRecent: true } && c.Affected is not null).ToList();
        if (recent.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder($"> [!CAUTION]\n> **{PlanWords.RecentUseWarning(recent.Count)}:**\n");
        var entries = recent
            .Select(c => $"> - {MarkdownText.Inline(c.Affected!.FullAddress)} ({PlanWords.Name(c.Action)}): {PlanWords.Usage(c.Usage!)}\n")
            .ToList();
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
