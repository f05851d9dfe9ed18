using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Export;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Reading;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail export</c>: writes an existing table as YAML files, to bootstrap the repository.
/// Refuses to overwrite YAML that is already there unless forced, so no configuration is lost.
/// </summary>
[Description("Write the table as YAML files (tacomail.yaml and one file per domain) that validate and plan to zero changes.")]
internal sealed class ExportCommand(IAnsiConsole console, ConfigReader reader, DynamoDbConnector connector)
    : AsyncCommand<ExportCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Directory to write the files to. Default: the --config directory.")]
        public string? Out { get; init; }

        [CommandOption("--force")]
        [Description("Overwrite YAML files already in the output directory.")]
        public bool Force { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var output = settings.Out ?? settings.Config;
        if (!settings.Force && Directory.Exists(output)
            && Directory.EnumerateFiles(output).Any(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)))
        {
            throw new TacoMailException($"{output} already holds YAML files; pass --out DIR to write elsewhere, or --force to overwrite them");
        }

        // The table comes from --table, else from the tacomail.yaml being replaced (if it reads).
        var config = settings.Table is null ? await reader.ReadAsync(settings.Config, cancellationToken) : null;
        if (settings.Table is null && config is null)
        {
            console.MarkupLine("pass [bold]--table NAME[/] (and --region) to export without a valid tacomail.yaml");
            return ExitCodes.Error;
        }

        var target = TableTarget.Resolve(settings, config);
        await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
        console.MarkupLineInterpolated($"[grey]reading table '{target.TableName}' from {connection.Description}[/]");
        var state = await new TableReader(connection.Client).ReadAsync(target.TableName, null, cancellationToken);
        var result = ConfigExporter.Export(state, target.TableName, target.Connection.Region);

        Directory.CreateDirectory(output);
        foreach (var file in result.Files)
        {
            await File.WriteAllTextAsync(Path.Combine(output, file.FileName), file.Content, cancellationToken);
        }

        foreach (var skipped in result.Skipped.Concat(state.Unreadable.Select(u => u.Reason)))
        {
            console.MarkupLineInterpolated($"[yellow]skipped[/] {skipped}");
        }

        console.MarkupLineInterpolated($"[green]exported[/] {result.Aliases} aliases into {result.Files.Length} files under {output}");
        return ExitCodes.Ok;
    }
}
