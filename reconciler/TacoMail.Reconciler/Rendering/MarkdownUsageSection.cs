using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The aliases the plan would stop or redirect that received mail recently, as a caution alert
/// near the top of the comment, so a reviewer sees the busy ones before the full list. Addresses
/// are aliases, never destinations, so nothing here needs masking.
/// </summary>
internal static class MarkdownUsageSection
{
    public static string Render(ImmutableArray<AliasChange> impact, int allowance)
    {
        var recent = impact.Where(c => c.Usage is { IsRecent: true } && c.Affected is not null).ToList();
        return MarkdownAlert.Render(
            "CAUTION",
            PlanWords.RecentUseWarning(recent.Count),
            [.. recent.Select(c => $"{MarkdownText.Inline(c.Affected!.FullAddress)} ({PlanWords.Name(c.Action)}): {PlanWords.Usage(c.Usage!)}")],
            allowance);
    }
}
