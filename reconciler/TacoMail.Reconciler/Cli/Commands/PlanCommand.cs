using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Rendering;
using TacoMail.Reconciler.Table;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail plan</c>: shows what <c>apply</c> would change, in the format the reader needs, and
/// optionally saves the plan so that exactly the reviewed plan is applied later.
/// </summary>
[Description("Validate, read the table and show the changes apply would make. Never writes to the table.")]
internal sealed class PlanCommand(IAnsiConsole console, ConfigReader reader, DynamoDbConnector connector, PlanMaker planMaker)
    : AsyncCommand<PlanCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("text (terminals), markdown (pull-request comments) or json (machines).")]
        [DefaultValue(PlanRendererFactory.Text)]
        public string Format { get; init; } = PlanRendererFactory.Text;

        [CommandOption("--out <FILE>")]
        [Description("Also save the plan to FILE, for 'tacomail apply FILE' (a saved-plan file, not the --format json view).")]
        public string? Out { get; init; }

        [CommandOption("--detailed-exitcode")]
        [Description("Exit 2 when there are changes (0: none, 1: error).")]
        public bool DetailedExitCode { get; init; }

        [CommandOption("--mask-destinations")]
        [Description("Show destinations as m***@example.com in every format (for public pull requests and CI logs); the --out file holds none.")]
        public bool MaskDestinations { get; init; }

        public override ValidationResult Validate() =>
            PlanRendererFactory.Formats.Contains(Format, StringComparer.Ordinal)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format must be one of: {string.Join(", ", PlanRendererFactory.Formats)}");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await reader.ReadAsync(settings.Config, cancellationToken) is not { } config)
        {
            return ExitCodes.Error;
        }

        var target = TableTarget.Resolve(settings, config);
        await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
        var text = settings.Format == PlanRendererFactory.Text;
        if (text)
        {
            console.MarkupLineInterpolated($"[grey]planning {settings.Config} against table '{target.TableName}' on {connection.Description}[/]");
        }

        var plan = await planMaker.MakeAsync(config, connection.Client, target.TableName, cancellationToken);
        PlanRendererFactory.Create(settings.Format, MarkdownOptions.Default with { MaskDestinations = settings.MaskDestinations })
            .Render(plan, console);

        if (settings.Out is { } path)
        {
            await SavedPlanFile.WriteAsync(path, plan, cancellationToken);
            if (text)
            {
                console.MarkupLineInterpolated($"saved the plan to {path}; apply exactly this plan with: [bold]tacomail apply {path}[/]");
            }
        }

        return settings.DetailedExitCode && plan.HasChanges ? ExitCodes.Changes : ExitCodes.Ok;
    }
}
