using System.ComponentModel;
using Amazon.DynamoDBv2.Model;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Routing;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail route ADDRESS</c>: explains what happens to mail for an address, step by step, with
/// the Lambda's own rules — and, when a table is named, whether the table agrees with the YAML.
/// </summary>
[Description("Explain what happens to mail for ADDRESS: sub-address stripping, the alias, its state and destination. With --endpoint, --table or --region also reads the table and flags where it disagrees with the YAML.")]
internal sealed class RouteCommand(IAnsiConsole console, ConfigReader reader, DynamoDbConnector connector, IProcessEnvironment environment)
    : AsyncCommand<RouteCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<ADDRESS>")]
        [Description("The recipient address, e.g. shop+promo@example.com.")]
        public string Address { get; init; } = string.Empty;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await reader.ReadAsync(settings.Config, cancellationToken) is not { } config)
        {
            return ExitCodes.Error;
        }

        var lookup = RouteExplainer.Normalize(settings.Address);
        var consultTable = lookup is not null && (settings.Endpoint ?? settings.Table ?? settings.Region
            ?? environment.GetVariable(DynamoDbConnector.EndpointVariable)) is not null;
        AliasRecord? record = null;
        if (consultTable)
        {
            var target = TableTarget.Resolve(settings, config);
            await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
            var response = await connection.Client.GetItemAsync(
                new GetItemRequest { TableName = target.TableName, Key = ItemKeyCodec.Encode(lookup!.Key), ConsistentRead = true },
                cancellationToken);
            if (response.Item is { Count: > 0 } item)
            {
                var decoded = AliasItemCodec.Decode(item);
                record = decoded.Record ?? throw new TacoMailException($"the table's item is unreadable: {decoded.Reason}");
            }
        }

        Print(RouteExplainer.Explain(config, lookup, consultTable, record), settings.Address);
        return ExitCodes.Ok;
    }

    private void Print(RouteReport report, string address)
    {
        if (report.Lookup is not { } lookup)
        {
            console.MarkupLineInterpolated($"[red]'{address}' is not an address TacoMail can look up[/] (it needs a local part and a domain, and must not start with a sub-address separator)");
            return;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Text("address"), new Text(lookup.Recipient));
        grid.AddRow(new Text("looked up as"), new Text(lookup.SubAddress is null
            ? lookup.Key.FullAddress
            : $"{lookup.Key.FullAddress} (sub-address '{lookup.SubAddress}' after '{lookup.Separator}' stripped)"));
        grid.AddRow(new Text("domain"), new Text(report.DomainDeclared
            ? $"{lookup.Key.SubDomain} is declared in tacomail.yaml"
            : $"{lookup.Key.SubDomain} is not declared in tacomail.yaml: SES receives no mail for it unless a receipt rule says so"));
        grid.AddRow(new Text("YAML"), new Text(report.Declared is { } alias
            ? $"{alias.State.ToName()}, destination {alias.Destination} ({alias.Source})"
            : report.RenamedTo is { } move
                ? $"not declared: renamed to {move.To} ({move.Source})"
                : "not declared"));
        grid.AddRow(new Text("disposition"), new Markup(Describe(report.Disposition, report.Declared?.Destination)));
        if (report.TableConsulted)
        {
            grid.AddRow(new Text("table"), new Text(report.TableRecord is { } item
                ? $"{item.State.ToName()}, destination {item.Destination}, identifier {item.Identifier}, use_count {item.UseCount}"
                : "no item"));
            grid.AddRow(new Text("table disposition"), new Markup(Describe(report.TableDisposition!.Value, report.TableRecord?.Destination)));
        }

        console.Write(grid);
        foreach (var disagreement in report.Disagreements)
        {
            console.MarkupLineInterpolated($"[yellow]! YAML and table disagree:[/] {disagreement}; run 'tacomail plan' to see the fix");
        }
    }

    private static string Describe(Disposition disposition, string? destination) => disposition switch
    {
        Disposition.Deliver => $"[green]deliver[/] to {Markup.Escape(destination ?? "?")}",
        Disposition.Drop => "[yellow]drop[/] silently (paused)",
        Disposition.Bounce => "[red]bounce[/] (DoesNotExist) to an authenticated sender; mail from unauthenticated senders is dropped",
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, "Unknown disposition."),
    };
}
