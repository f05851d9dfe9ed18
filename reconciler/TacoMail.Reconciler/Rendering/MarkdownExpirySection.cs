using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The expiries to come as a note near the top of the comment, soonest first: a reviewer learns
/// which aliases stop on their own while there is still time to move a date. Addresses are
/// aliases, never destinations, so nothing here needs masking.
/// </summary>
internal static class MarkdownExpirySection
{
    public static string Render(ImmutableArray<ScheduledExpiry> expiring, int allowance) =>
        expiring.IsDefaultOrEmpty
            ? string.Empty
            : MarkdownAlert.Render(
                "NOTE",
                PlanWords.ExpiringHeading(expiring.Length),
                [.. expiring.Select(e => $"{MarkdownText.Inline(e.Key.FullAddress)} {PlanWords.Expiring(e)}")],
                allowance);
}
