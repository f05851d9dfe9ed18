using Spectre.Console;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Renders a plan for a terminal (octoDNS's PlanLogger, Terraform's human view): one symbol line
/// per change, grouped by domain, warnings after the changes where they are read last, and a
/// closing count. Colour is Spectre markup, which Spectre drops on non-TTY output and under
/// <c>NO_COLOR</c>; every value from the plan is escaped so that it is never read as markup.
/// With <paramref name="maskDestinations"/>, destinations are shown as <c>m***@gmail.com</c>
/// (apply's output in public CI logs).
/// </summary>
internal sealed class TextPlanRenderer(bool maskDestinations = false) : IPlanRenderer
{
    private const string Arrow = "→";
    private const string ChangeIndent = "  ";
    private const string AttributeIndent = "      ";
    private const string Absent = "(absent)";

    public void Render(Plan plan, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(console);

        foreach (var change in plan.ConfigChanges)
        {
            console.MarkupLine(ConfigLine(change));
        }

        if (plan.Settings is { } settings)
        {
            WriteSettings(console, settings);
        }

        if (!plan.ConfigChanges.IsEmpty || plan.Settings is not null)
        {
            console.WriteLine();
        }

        foreach (var domain in plan.Domains)
        {
            console.MarkupLine(Escape(domain.Domain));
            foreach (var change in domain.Changes)
            {
                WriteChange(console, change);
            }

            console.WriteLine();
        }

        TextSkippedSection.Write(console, plan.Skipped, ("was skipped (left untouched)", "were skipped (left untouched)"));
        WriteViolations(console, plan);
        WriteRecentUse(console, plan);
        WriteExpiring(console, plan);
        console.MarkupLine(plan.HasChanges
            ? Summary(plan.Summary)
            : $"[green]{Escape(PlanWords.NoChanges(plan.Scope))}[/]");
    }

    private static void WriteSettings(IAnsiConsole console, SettingsChange change)
    {
        var (symbol, colour) = Style(change.Action);
        var unreadable = change.UnreadableReason is { } reason
            ? $" (the item in the table could not be read: {Escape(reason)}; it is rewritten whole)"
            : string.Empty;
        console.MarkupLine($"[{colour}]{symbol} {Escape(TableContract.ConfigPartition)} {Escape(TableContract.ConfigSettingsKey)}[/]{unreadable}");
        foreach (var attribute in change.Attributes)
        {
            var value = change.Action == ChangeAction.Create || change.UnreadableReason is not null
                ? Value(attribute.After)
                : $"{Value(attribute.Before)} {Arrow} {Value(attribute.After)}";
            console.MarkupLine($"{AttributeIndent}{Escape(attribute.Name)}: {value}");
        }
    }

    private void WriteChange(IAnsiConsole console, AliasChange change)
    {
        var (symbol, colour) = Style(change.Action);
        var from = change is AliasRename rename ? $" (from {Escape(rename.From.FullAddress)})" : string.Empty;
        console.MarkupLine($"{ChangeIndent}[{colour}]{symbol} {Escape(change.Key.FullAddress)}[/]{from}");
        foreach (var attribute in change.Attributes)
        {
            var mask = maskDestinations && attribute.Name == AttributeNames.Destination;
            string Shown(string? value) => Value(mask && value is not null ? AddressMask.Mask(value) : value);
            var value = change.Action switch
            {
                ChangeAction.Create => Shown(attribute.After),
                ChangeAction.Delete => Shown(attribute.Before),
                ChangeAction.Update or ChangeAction.Rename => $"{Shown(attribute.Before)} {Arrow} {Shown(attribute.After)}",
                _ => throw UnknownAction(change.Action),
            };
            console.MarkupLine($"{AttributeIndent}{Escape(attribute.Name)}: {value}");
        }

        if (change.Usage is { } usage)
        {
            var tone = usage.IsRecent ? "yellow" : "grey";
            console.MarkupLine($"{AttributeIndent}[{tone}]usage: {Escape(PlanWords.Usage(usage))}[/]");
        }

        if (change.Expiry is { } expiry)
        {
            console.MarkupLine($"{AttributeIndent}[grey]{Escape(PlanWords.Expired(expiry))}[/]");
        }
    }

    private string ConfigLine(ConfigChange change)
    {
        var (symbol, colour) = Style(change.Action);
        var mask = maskDestinations && change.Kind == ConfigSetKind.Destinations;
        string Shown(string value) => Escape(mask ? AddressMask.Mask(value) : value);
        var values = change.Added.Select(v => $"[green]+ {Shown(v)}[/]")
            .Concat(change.Removed.Select(v => $"[red]- {Shown(v)}[/]"))
            .ToList();
        var detail = values.Count == 0 ? "values unchanged, rewritten in the canonical shape" : string.Join(", ", values);
        var item = $"{TableContract.ConfigPartition} {ConfigSetRecord.SortKeyOf(change.Kind)}";
        return $"[{colour}]{symbol} {Escape(item)}[/]: {detail}";
    }

    private static void WriteViolations(IAnsiConsole console, Plan plan)
    {
        if (plan.IsSafe)
        {
            return;
        }

        console.MarkupLine("[red]Warning: this plan exceeds the safety thresholds; tacomail apply refuses it without --force.[/]");
        foreach (var violation in plan.Violations)
        {
            console.MarkupLine($"[red]{ChangeIndent}- {SafetyText.Describe(violation)}[/]");
        }

        console.WriteLine();
    }

    private static void WriteRecentUse(IAnsiConsole console, Plan plan)
    {
        if (plan.RecentlyUsed == 0)
        {
            return;
        }

        console.MarkupLine($"[yellow]Warning: {Escape(PlanWords.RecentUseWarning(plan.RecentlyUsed))}:[/]");
        foreach (var change in plan.Impact.Where(c => c.Usage!.IsRecent))
        {
            console.MarkupLine($"[yellow]{ChangeIndent}- {Escape(change.Affected!.FullAddress)} ({PlanWords.Name(change.Action)}): {Escape(PlanWords.Usage(change.Usage!))}[/]");
        }

        console.WriteLine();
    }

    private static void WriteExpiring(IAnsiConsole console, Plan plan)
    {
        if (plan.Expiring.IsEmpty)
        {
            return;
        }

        console.MarkupLine($"{Escape(PlanWords.ExpiringHeading(plan.Expiring.Length))}:");
        foreach (var expiry in plan.Expiring)
        {
            console.MarkupLine($"{ChangeIndent}- {Escape(expiry.Key.FullAddress)} {Escape(PlanWords.Expiring(expiry))}");
        }

        console.WriteLine();
    }

    private static string Summary(PlanSummary summary) =>
        "Plan: " + string.Join(", ", PlanWords.SummaryOrder.Select(action =>
            $"[{Style(action).Colour}]{summary.Count(action)} {PlanWords.Planned(action)}[/]")) + ".";

    private static (string Symbol, string Colour) Style(ChangeAction action) => action switch
    {
        ChangeAction.Create => ("+", "green"),
        ChangeAction.Update => ("~", "yellow"),
        ChangeAction.Delete => ("-", "red"),
        ChangeAction.Rename => (Arrow, "cyan"),
        _ => throw UnknownAction(action),
    };

    private static ArgumentOutOfRangeException UnknownAction(ChangeAction action) =>
        new(nameof(action), action, "The text renderer does not know this change action.");

    private static string Value(string? value) => value is null ? Absent : Escape(value);

    private static string Escape(string value) => Markup.Escape(DisplayText.Printable(value));
}
