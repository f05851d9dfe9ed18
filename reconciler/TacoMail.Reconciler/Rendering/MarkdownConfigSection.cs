using System.Collections.Immutable;
using System.Text;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The changes to the reserved <c>tacomail-config</c> items, one <c>diff</c> line per value
/// added or removed. Values of <c>destinations</c> are destinations, so they are masked too.
/// </summary>
internal static class MarkdownConfigSection
{
    private const string Open = "### Configuration\n\n```diff\n";
    private const string Close = "```\n\n";

    public static string Render(ImmutableArray<ConfigChange> changes, bool maskDestinations, int allowance)
    {
        if (changes.IsEmpty)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Open);
        var each = (allowance - Open.Length - Close.Length) / changes.Length;
        foreach (var change in changes)
        {
            var mask = maskDestinations && change.Kind == ConfigSetKind.Destinations;
            string Shown(string value) => MarkdownText.Code(mask ? DestinationMask.Mask(value) : value);
            var lines = change.Added.Select(v => $"+ {Shown(v)}\n")
                .Concat(change.Removed.Select(v => $"- {Shown(v)}\n"))
                .ToList();
            var head = $"{MarkdownChangeEntry.Header(change.Action)} {TableContract.ConfigPartition} {ConfigSetRecord.SortKeyOf(change.Kind)}\n";
            builder.Append(head);
            if (lines.Count == 0)
            {
                builder.Append("  values unchanged, rewritten in the canonical shape\n");
                continue;
            }

            var shown = MarkdownBlock.Fitting(lines, each - head.Length - More(lines.Count).Length);
            builder.AppendJoin(string.Empty, lines.Take(shown));
            if (shown < lines.Count)
            {
                builder.Append(More(lines.Count - shown));
            }
        }

        return builder.Append(Close).ToString();
    }

    private static string More(int hidden) => $"  …and {MarkdownText.Count(hidden, "more value", "more values")} not shown\n";
}
