using System.Collections.Immutable;
using System.Text;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The changes to the reserved <c>tacomail-config</c> items, one <c>diff</c> line per value
/// added or removed, and the settings item, one <c>-</c>/<c>+</c> pair per setting that changes.
/// Values of <c>destinations</c> are destinations, so they are masked too.
/// </summary>
internal static class MarkdownConfigSection
{
    private const string Open = "### Configuration\n\n```diff\n";
    private const string Close = "```\n\n";

    public static string Render(ImmutableArray<ConfigChange> changes, SettingsChange? settings, bool maskDestinations, int allowance)
    {
        if (changes.IsEmpty && settings is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Open);
        if (settings is not null)
        {
            AppendSettings(builder, settings);
        }

        var each = changes.IsEmpty ? 0 : (allowance - Open.Length - Close.Length - builder.Length) / changes.Length;
        foreach (var change in changes)
        {
            var mask = maskDestinations && change.Kind == ConfigSetKind.Destinations;
            string Shown(string value) => MarkdownText.Code(mask ? AddressMask.Mask(value) : value);
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

    /// <summary>At most eight short lines: always shown whole.</summary>
    private static void AppendSettings(StringBuilder builder, SettingsChange change)
    {
        builder.Append(MarkdownChangeEntry.Header(change.Action)).Append(' ')
            .Append(TableContract.ConfigPartition).Append(' ').Append(TableContract.ConfigSettingsKey).Append('\n');
        if (change.UnreadableReason is { } reason)
        {
            builder.Append("  the item in the table could not be read (").Append(MarkdownText.Code(reason)).Append("); it is rewritten whole\n");
        }

        foreach (var attribute in change.Attributes)
        {
            if (attribute.Before is { } before)
            {
                builder.Append("- ").Append(attribute.Name).Append(": ").Append(MarkdownText.Code(before)).Append('\n');
            }

            builder.Append("+ ").Append(attribute.Name).Append(": ").Append(MarkdownText.Code(attribute.After ?? "(absent)")).Append('\n');
        }
    }

    private static string More(int hidden) => $"  …and {MarkdownText.Count(hidden, "more value", "more values")} not shown\n";
}
