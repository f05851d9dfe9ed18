using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail drift</c>: what the table holds that neither the YAML nor the passing of time
/// explains — an item edited by hand in the console, or an apply that did not finish. It is the
/// plan that would restore the YAML, minus the expiries that are due, so the nightly run can
/// apply those and report the rest without either hiding the other.
/// </summary>
[Description("Report the differences between the YAML and the table that no due expiry explains (hand edits, unfinished applies). Never writes to the table.")]
internal sealed class DriftCommand(IAnsiConsole console, ConfigReader reader, DynamoDbConnector connector, PlanMaker planMaker)
    : AsyncCommand<PlanViewSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PlanViewSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await reader.ReadAsync(settings.Config, cancellationToken) is not { } config)
        {
            return ExitCodes.Error;
        }

        var target = TableTarget.Resolve(settings, config);
        await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
        var text = settings.IsText;
        if (text)
        {
            console.MarkupLineInterpolated($"[grey]looking for drift between {settings.Config} and table '{target.TableName}' on {connection.Description}[/]");
        }

        var drift = await planMaker.MakeAsync(config, connection.Client, target.TableName, cancellationToken, PlanScope.Drift);
        settings.Renderer().Render(drift, console);
        if (text && drift.HasChanges)
        {
            console.MarkupLine("Each change above is what [bold]tacomail apply[/] would write to restore the YAML. "
                + "To keep a value edited in the table instead, put it in the YAML ([bold]tacomail export[/] writes the table as YAML to compare).");
        }

        return settings.DetailedExitCode && drift.HasChanges ? ExitCodes.Changes : ExitCodes.Ok;
    }
}
