using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail validate</c>: schema and semantic checks of the YAML, every error in one run. Never
/// touches the table, so it is safe on forks and without credentials.
/// </summary>
[Description("Check the YAML files against the schema and the rules; print every error as path:line:col. Never touches the table.")]
internal sealed class ValidateCommand(IAnsiConsole console, ConfigReader reader) : AsyncCommand<ValidateCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await reader.ReadAsync(settings.Config, cancellationToken) is not { } config)
        {
            return ExitCodes.Error;
        }

        console.MarkupLineInterpolated(
            $"[green]valid:[/] {settings.Config} declares {config.Aliases.Count} aliases on {config.Domains.Count} domains ({config.Moves.Count} moved)");
        return ExitCodes.Ok;
    }
}
