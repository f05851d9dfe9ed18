using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail init</c>: creates the table and its two indexes if they are missing. Idempotent, so
/// it can run before every plan.
/// </summary>
[Description("Create the DynamoDB table and its indexes if missing. Running it again changes nothing.")]
internal sealed class InitCommand(IAnsiConsole console, ConfigReader reader, DynamoDbConnector connector, TableInitializer initializer)
    : AsyncCommand<InitCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = await reader.ReadAsync(settings.Config, cancellationToken);
        if (config is null && settings.Table is null)
        {
            return ExitCodes.Error;
        }

        var target = TableTarget.Resolve(settings, config);
        await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
        console.MarkupLineInterpolated($"[grey]using {connection.Description}[/]");
        var result = await initializer.EnsureTableAsync(connection.Client, target.TableName, cancellationToken);
        switch (result.Outcome)
        {
            case TableInitOutcome.Created:
                console.MarkupLineInterpolated($"[green]created[/] table '{result.TableName}' with indexes {TableContract.IdentifierIndex} and {TableContract.ApplicationIdentifierIndex}");
                break;
            case TableInitOutcome.AddedIndexes:
                console.MarkupLineInterpolated($"[green]added[/] to table '{result.TableName}' the missing index(es) {string.Join(", ", result.AddedIndexes)}");
                break;
            case TableInitOutcome.AlreadyUpToDate:
                console.MarkupLineInterpolated($"table '{result.TableName}' already exists with both indexes; nothing to do");
                break;
            default:
                throw new InvalidOperationException($"Unknown outcome {result.Outcome}.");
        }

        return ExitCodes.Ok;
    }
}
