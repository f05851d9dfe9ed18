using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Locking;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail force-unlock LOCK_ID</c>: clears the lock of an apply that died. The id must match,
/// so a live apply's newer lock is never cleared by mistake.
/// </summary>
[Description("Release the apply lock LOCK_ID left by a run that died (the id is in the 'lock held' error).")]
internal sealed class ForceUnlockCommand(IAnsiConsole console, ConfigReader reader, DynamoDbConnector connector, TimeProvider time)
    : AsyncCommand<ForceUnlockCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<LOCK_ID>")]
        [Description("The lock id named by the failing apply.")]
        public string LockId { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = settings.Table is null ? await reader.ReadAsync(settings.Config, cancellationToken) : null;
        if (settings.Table is null && config is null)
        {
            return ExitCodes.Error;
        }

        var target = TableTarget.Resolve(settings, config);
        await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
        var released = await new TableLock(connection.Client, target.TableName, LockOptions.Default, time)
            .ForceUnlockAsync(settings.LockId, cancellationToken);
        console.MarkupLineInterpolated($"[green]released[/] lock {released.LockId} held by {released.Describe()}");
        return ExitCodes.Ok;
    }
}
