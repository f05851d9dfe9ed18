using System.Text;
using Spectre.Console;
using TacoMail.Reconciler.Rendering;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// Stats as GitHub-flavoured markdown, for an issue or a pull-request comment (say, before
/// disabling the candidates of <c>--unused-for</c>): the summary first, then a section with a
/// table per domain. Values from the table are escaped (<see cref="MarkdownText"/>) so that a
/// hand-edited key never becomes a link, a mention or a broken table; unreadable items use the
/// plan's section. With <paramref name="maskDestinations"/> destinations are masked, for public
/// repositories.
/// </summary>
internal sealed class StatsMarkdownRenderer(bool maskDestinations = false) : IStatsRenderer
{
    private const string Header = "| Alias | State | Destination | Uses | Last used | Unused for |\n| :--- | :--- | :--- | ---: | :--- | ---: |\n";

    public void Render(StatsReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.Write(Write(report));
    }

    /// <summary>The whole document, ending in one line break.</summary>
    public string Write(StatsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var builder = new StringBuilder();
        builder.Append(report.Query.UnusedFor is { } duration
            ? $"## TacoMail aliases unused for {StatsWords.Duration(duration)}\n\n"
            : "## TacoMail alias stats\n\n");
        builder.Append(StatsWords.Summary(report)).Append("\n\n");
        builder.Append($"_As of {StatsWords.Time(report.At)}, {StatsWords.Order(report.Query)}._\n\n");
        foreach (var domain in report.Domains)
        {
            builder.Append($"### {MarkdownText.Inline(domain.Domain)}\n\n");
            builder.Append(StatsWords.DomainTotals(domain)).Append(".\n\n");
            builder.Append(Header);
            foreach (var alias in domain.Aliases)
            {
                builder.Append($"| {MarkdownText.Inline(alias.Address)} | {alias.State.ToName()} | ")
                    .Append($"{MarkdownText.Inline(StatsWords.Destination(alias.Destination, maskDestinations))} | ")
                    .Append($"{StatsWords.Number(alias.UseCount)} | {StatsWords.LastUsed(alias.LastUsed)} | {StatsWords.UnusedFor(alias.UnusedFor)} |\n");
            }

            builder.Append('\n');
        }

        if (StatsWords.UnknownNote(report) is { Length: > 0 } note)
        {
            builder.Append($"_{note}_\n\n");
        }

        builder.Append(MarkdownSkippedSection.Render(report.Skipped, MarkdownOptions.DefaultMaxLength));
        return builder.ToString().TrimEnd('\n') + "\n";
    }
}
