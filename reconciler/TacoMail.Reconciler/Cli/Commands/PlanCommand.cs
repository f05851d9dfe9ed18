using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
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
    internal sealed class Settings : PlanViewSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("Also save the plan to FILE, for 'tacomail apply FILE' (a saved-plan file, not the --format json view; it holds no destinations).")]
        public string? Out { get; init; }
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
        var text = settings.IsText;
        if (text)
        {
            console.MarkupLineInterpolated($"[grey]planning {settings.Config} against table '{target.TableName}' on {connection.Description}[/]");
        }

        var plan = await planMaker.MakeAsync(config, connection.Client, target.TableName, cancellationToken);
        settings.Renderer().Render(plan, console);

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
