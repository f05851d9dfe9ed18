using Spectre.Console;
using TacoMail.Reconciler.Rendering;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// Stats for a terminal: one table, a bold row per domain with its totals followed by its
/// aliases, then what an unknown last use means, any unreadable items, and the summary last,
/// where a terminal leaves it in view. Values from the table are shown as plain text (never read
/// as markup) and made printable; with <paramref name="maskDestinations"/> destinations are masked.
/// </summary>
internal sealed class StatsTextRenderer(bool maskDestinations = false) : IStatsRenderer
{
    private const string Indent = "  ";

    public void Render(StatsReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(console);
        if (report.AliasCount > 0)
        {
            console.Write(Table(report));
            if (StatsWords.UnknownNote(report) is { Length: > 0 } note)
            {
                console.MarkupLineInterpolated($"[grey]{note}[/]");
            }

            console.WriteLine();
        }

        TextSkippedSection.Write(console, report.Skipped, ("is not counted", "are not counted"));
        console.WriteLine(StatsWords.Summary(report));
    }

    private Spectre.Console.Table Table(StatsReport report)
    {
        var table = new Spectre.Console.Table().Border(TableBorder.Simple)
            .AddColumn("alias")
            .AddColumn("state")
            .AddColumn("destination")
            .AddColumn(new TableColumn("uses").RightAligned())
            .AddColumn("last used")
            .AddColumn(new TableColumn("unused for").RightAligned());
        var bold = new Style(decoration: Decoration.Bold);
        for (var i = 0; i < report.Domains.Length; i++)
        {
            var domain = report.Domains[i];
            if (i > 0)
            {
                table.AddEmptyRow();
            }

            table.AddRow(
                new Text(DisplayText.Printable(StatsWords.DomainHeading(domain)), bold),
                Text.Empty,
                Text.Empty,
                new Text(StatsWords.Number(domain.UseCount), bold),
                new Text(StatsWords.LastUsed(domain.LastUsed), bold),
                new Text(StatsWords.UnusedFor(domain.UnusedFor), bold));
            foreach (var alias in domain.Aliases)
            {
                table.AddRow(
                    new Text(Indent + DisplayText.Printable(alias.Address)),
                    new Text(alias.State.ToName(), StateStyle(alias.State)),
                    new Text(DisplayText.Printable(StatsWords.Destination(alias.Destination, maskDestinations))),
                    new Text(StatsWords.Number(alias.UseCount)),
                    new Text(StatsWords.LastUsed(alias.LastUsed), alias.LastUsed is null ? new Style(Color.Grey) : Style.Plain),
                    new Text(StatsWords.UnusedFor(alias.UnusedFor)));
            }
        }

        return table;
    }

    private static Style StateStyle(AliasState state) => state switch
    {
        AliasState.Active => new Style(Color.Green),
        AliasState.Paused => new Style(Color.Yellow),
        _ => new Style(Color.Red),
    };
}
