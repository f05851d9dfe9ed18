using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Durations;
using TacoMail.Reconciler.Stats;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Addresses;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail stats</c>: how much each alias in the table is used, per domain, and with
/// <c>--unused-for</c> which ones are candidates to disable. It reports what the table holds
/// (the YAML only names the table), reads it with the plan's scan and never writes to it.
/// </summary>
[Description(
    "Show each alias in the table with its use count and last use, grouped by domain with per-domain totals. With --unused-for, " +
    "list only the candidates to disable: active or paused aliases that had no mail for that long. Reads the table only; never writes to it.")]
internal sealed class StatsCommand(
    IAnsiConsole console, NoteConsole notes, ConfigReader reader, DynamoDbConnector connector, TableScanner scanner, TimeProvider time)
    : AsyncCommand<StatsCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("text (a table for terminals), markdown (issues and pull requests) or json (versioned: {\"format_version\":\"1\",\"domains\":[[{\"aliases\":[[…]]}]]}, ISO times, last_used_at null when unknown).")]
        [DefaultValue(StatsRendererFactory.Text)]
        public string Format { get; init; } = StatsRendererFactory.Text;

        [CommandOption("--sort <ORDER>")]
        [Description("The order of the aliases within each domain: last-used (most recently used first; an unknown last use counts as the oldest), uses (most first) or address. Ties go by address.")]
        [DefaultValue(StatsSortNames.LastUsed)]
        public string Sort { get; init; } = StatsSortNames.LastUsed;

        [CommandOption("--reverse")]
        [Description("Reverse the --sort order, e.g. the longest unused first with last-used.")]
        public bool Reverse { get; init; }

        [CommandOption("--unused-for <DURATION>")]
        [Description(
            "List only the candidates to disable: active or paused aliases (a disabled one bounces already) whose last use is at least " +
            "DURATION ago, in whole days, hours or minutes (90d, 36h). An alias whose last use is unknown (none recorded) is listed " +
            "once it was created at least DURATION ago.")]
        public string? UnusedFor { get; init; }

        [CommandOption("--domain <DOMAIN>")]
        [Description("Show only DOMAIN and its subdomains, e.g. example.com.")]
        public string? Domain { get; init; }

        [CommandOption("--mask-destinations")]
        [Description("Show destinations as m***@example.com in every format (for public issues and CI logs). Alias addresses are shown in full.")]
        public bool MaskDestinations { get; init; }

        /// <summary>What to list, from the options (valid once <see cref="Validate"/> passed).</summary>
        public StatsQuery Query => new(
            StatsSortNames.TryParse(Sort, out var sort) ? sort : throw new InvalidOperationException("--sort is not valid."),
            Reverse,
            UnusedFor is null ? null : ParseDuration(UnusedFor) ?? throw new InvalidOperationException("--unused-for is not valid."),
            Domain is null ? null : DomainName.TryParse(Domain.Trim(), out var domain, out _) ? domain.Value : throw new InvalidOperationException("--domain is not valid."));

        public override ValidationResult Validate()
        {
            if (!StatsRendererFactory.Formats.Contains(Format, StringComparer.Ordinal))
            {
                return ValidationResult.Error($"--format must be one of: {string.Join(", ", StatsRendererFactory.Formats)}");
            }

            if (!StatsSortNames.TryParse(Sort, out _))
            {
                return ValidationResult.Error($"--sort must be one of: {string.Join(", ", StatsSortNames.Names)}");
            }

            if (UnusedFor is not null && ParseDuration(UnusedFor) is null)
            {
                return ValidationResult.Error($"--unused-for takes whole days, hours or minutes, e.g. 90d, 36h or 30m, not '{UnusedFor}'");
            }

            return Domain is not null && !DomainName.TryParse(Domain.Trim(), out _, out var error)
                ? ValidationResult.Error($"--domain: {error.Message}")
                : ValidationResult.Success();
        }

        /// <summary>The tacomail.yaml form (whole units), so that every format can repeat the duration exactly.</summary>
        private static TimeSpan? ParseDuration(string text) =>
            DurationParser.IsYamlForm(text.Trim()) && DurationParser.TryParse(text, out var duration) ? duration : null;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The table comes from --table, else from tacomail.yaml (which must then be valid), as for export.
        var config = settings.Table is null ? await reader.ReadAsync(settings.Config, cancellationToken) : null;
        if (settings.Table is null && config is null)
        {
            console.MarkupLine("pass [bold]--table NAME[/] (and --region) to read a table without a valid tacomail.yaml");
            return ExitCodes.Error;
        }

        var target = TableTarget.Resolve(settings, config);
        await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
        if (settings.Format == StatsRendererFactory.Text)
        {
            console.MarkupLineInterpolated($"[grey]alias use in table '{target.TableName}' on {connection.Description}[/]");
        }

        var actual = await scanner.ReadAsync(connection.Client, target.TableName, cancellationToken);
        var query = settings.Query;
        var report = StatsReport.Build(actual, query, time.GetUtcNow());
        if (report.AliasesRead == 0 && query.Domain is { } domain)
        {
            var hint = ClosestMatch.Hint(domain, actual.Aliases.Keys.Select(k => k.SubDomain).Distinct(StringComparer.Ordinal));
            notes.Console.MarkupLineInterpolated($"[yellow]! table '{target.TableName}' holds no alias under {domain}{hint}[/]");
        }

        StatsRendererFactory.Create(settings.Format, settings.MaskDestinations).Render(report, console);
        return ExitCodes.Ok;
    }
}
