using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail dynamodb-local</c>: keeps the embedded DynamoDB Local running, with its data under
/// <c>.tacomail/</c>, so that other <c>--endpoint local</c> runs and other tools can use it.
/// </summary>
[Description("Run the embedded DynamoDB Local (data in .tacomail/) until Ctrl-C; other '--endpoint local' runs reuse it.")]
internal sealed class DynamoDbLocalCommand(IAnsiConsole console, DynamoDbConnector connector) : AsyncCommand<DynamoDbLocalCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>")]
        [Description("Loopback port to listen on. Default: a free one.")]
        public int? Port { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var local = await connector.StartSharedLocalAsync(ConnectionOptions.DefaultStateDirectory, settings.Port, cancellationToken);
        console.MarkupLineInterpolated($"[green]{local.Description}[/] (pid {local.ProcessId})");
        console.WriteLine($"endpoint: {local.Endpoint}");
        console.WriteLine($"  tacomail plan --endpoint local      (reuses this instance)");
        console.WriteLine($"  export {EnvironmentVariableNames.DynamoDbEndpoint}={local.Endpoint}");
        console.MarkupLine("Press [bold]Ctrl-C[/] to stop.");
        try
        {
            await local.WaitForExitAsync(cancellationToken);
            console.MarkupLine("[red]DynamoDB Local exited on its own.[/]");
            return ExitCodes.Error;
        }
        catch (OperationCanceledException)
        {
            console.WriteLine("stopping DynamoDB Local");
            return ExitCodes.Ok;
        }
    }
}
