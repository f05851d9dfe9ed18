using System.Text;
using Spectre.Console;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Renders a plan as a pull-request comment (octoDNS's PlanMarkdown): a summary table, the safety
/// warning as a GitHub alert, the recently used aliases the plan stops or redirects, the expiries
/// to come, skipped items, configuration changes, then one collapsible block
/// per domain. The output is deterministic, so a sticky comment changes only when the plan does,
/// and always shorter than <see cref="MarkdownOptions.MaxLength"/>: what does not fit is left
/// out and counted in a closing note.
/// </summary>
internal sealed class MarkdownPlanRenderer : IPlanRenderer
{
    /// <summary>Room kept for the closing note, whose numbers are only known at the end.</summary>
    private const int NoteReserve = 300;

    private readonly MarkdownOptions _options;

    public MarkdownPlanRenderer()
        : this(MarkdownOptions.Default)
    {
    }

    public MarkdownPlanRenderer(MarkdownOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Writes the markdown as it is (no markup, no wrapping) to the console's output.</summary>
    public void Render(Plan plan, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.Write(Render(plan, _options));
    }

    /// <exception cref="ArgumentOutOfRangeException">The plan holds an action or check this renderer does not know.</exception>
    public static string Render(Plan plan, MarkdownOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);

        var builder = new StringBuilder($"## {PlanWords.Title(plan.Scope)}\n\n");
        if (!plan.HasChanges)
        {
            builder.Append(PlanWords.NoChanges(plan.Scope)).Append("\n\n");
        }
        else
        {
            AppendSummary(builder, plan.Summary);
        }

        AppendViolations(builder, plan);
        var remaining = options.MaxLength - 1 - NoteReserve - builder.Length;
        builder.Append(Take(MarkdownUsageSection.Render(plan.Impact, Math.Min(remaining, options.MaxLength / 10)), ref remaining));
        builder.Append(Take(MarkdownExpirySection.Render(plan.Expiring, Math.Min(remaining, options.MaxLength / 10)), ref remaining));
        builder.Append(Take(MarkdownSkippedSection.Render(plan.Skipped, Math.Min(remaining, options.MaxLength / 10)), ref remaining));
        builder.Append(Take(MarkdownConfigSection.Render(plan.ConfigChanges, plan.Settings, options.MaskDestinations, Math.Min(remaining, options.MaxLength / 5)), ref remaining));
        if (!plan.Domains.IsEmpty)
        {
            builder.Append(Take("### Aliases\n\n", ref remaining));
            var sections = plan.Domains.Select(d => new MarkdownDomainSection(d, options.MaskDestinations)).ToList();
            var layout = new MarkdownDomainLayout(sections, remaining);
            builder.Append(layout.Text);
            if (!layout.IsComplete)
            {
                builder.Append(Note(layout, plan.Summary.Total));
            }
        }

        return builder.ToString().TrimEnd('\n') + "\n";
    }

    private static void AppendSummary(StringBuilder builder, PlanSummary summary)
    {
        var actions = PlanWords.SummaryOrder;
        builder.Append("| ").AppendJoin(" | ", actions.Select(PlanWords.Heading)).Append(" |\n|")
            .AppendJoin("|", actions.Select(_ => " ---: ")).Append("|\n| ")
            .AppendJoin(" | ", actions.Select(a => MarkdownText.Number(summary.Count(a)))).Append(" |\n\n");
    }

    private static void AppendViolations(StringBuilder builder, Plan plan)
    {
        if (plan.IsSafe)
        {
            return;
        }

        builder.Append("> [!WARNING]\n> **This plan exceeds the safety thresholds:** `tacomail apply` refuses it without `--force`.\n");
        foreach (var violation in plan.Violations)
        {
            builder.Append("> - ").Append(SafetyText.Describe(violation)).Append('\n');
        }

        builder.Append('\n');
    }

    private static string Take(string text, ref int remaining)
    {
        remaining -= text.Length;
        return text;
    }

    private static string Note(MarkdownDomainLayout layout, int total)
    {
        var more = layout.OmittedChanges < total ? "more " : string.Empty;
        var changes = MarkdownText.Count(layout.OmittedChanges, more + "change", more + "changes");
        var domains = MarkdownText.Count(layout.OmittedDomains, "domain", "domains");
        var unlisted = layout.UnlistedDomains == 0
            ? string.Empty
            : $" ({MarkdownText.Number(layout.UnlistedDomains)} of these domains not listed by name)";
        return $"_…and {changes} in {domains} not shown{unlisted}; run tacomail plan locally for the full plan._\n";
    }
}
