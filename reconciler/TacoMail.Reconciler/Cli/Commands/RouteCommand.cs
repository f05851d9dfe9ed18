using System.ComponentModel;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.MailPath.Replies;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Routing;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Reading;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail route ADDRESS</c>: explains what happens to mail for an address, step by step, with
/// the Lambda's own rules — and, when a table is named, whether the table agrees with the YAML.
/// For a disabled or unknown address it says which bounce rule holds, for the message described
/// by <c>--from</c> and friends or in general.
/// </summary>
[Description(
    "Explain what happens to mail for ADDRESS: sub-address stripping (an alias named exactly like the address wins), the alias, " +
    "its state and destination, and for a disabled or unknown address whether a bounce is sent. A bounce goes to the envelope " +
    "sender, so it is sent only when SPF passed and DMARC did not fail (bounce_policy authenticated), and never to <>, " +
    "MAILER-DAEMON, postmaster or automatic mail (Auto-Submitted, Precedence bulk/junk/list, List-Id): bouncing to forged " +
    "senders is backscatter. Describe a message with --from, --spf, --dkim, --dmarc and --header to see which rule holds. " +
    "With --endpoint, --table or --region also reads the table, uses its settings item (separators, policies, feedback " +
    "address) like the Lambda does, and flags where it disagrees with the YAML.")]
internal sealed class RouteCommand(IAnsiConsole console, ConfigReader reader, DynamoDbConnector connector, IProcessEnvironment environment)
    : AsyncCommand<RouteCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        private static readonly string[] VerdictWords =
            [VerdictStatusNames.Pass, VerdictStatusNames.Fail, VerdictStatusNames.Gray, VerdictStatusNames.ProcessingFailed, VerdictStatusNames.Disabled];

        [CommandArgument(0, "<ADDRESS>")]
        [Description("The recipient address, e.g. shop+promo@example.com.")]
        public string Address { get; init; } = string.Empty;

        [CommandOption("--from <SENDER>")]
        [Description("The envelope sender (MAIL FROM) of a message to explain; a bounce would go there. Write <> for the null sender of bounces and notifications.")]
        public string? From { get; init; }

        [CommandOption("--spf <VERDICT>")]
        [Description("SES's SPF verdict for the message: PASS, FAIL, GRAY, PROCESSING_FAILED or DISABLED. Default: missing (not authenticated).")]
        public string? Spf { get; init; }

        [CommandOption("--dkim <VERDICT>")]
        [Description("SES's DKIM verdict. It does not authenticate the envelope sender, so it never makes a bounce possible on its own.")]
        public string? Dkim { get; init; }

        [CommandOption("--dmarc <VERDICT>")]
        [Description("SES's DMARC verdict; FAIL withholds the bounce even when SPF passed. Default: missing (not a failure).")]
        public string? Dmarc { get; init; }

        [CommandOption("--header <FIELD>")]
        [Description("A header field of the message, \"Name: value\", e.g. \"Auto-Submitted: auto-replied\" or \"Precedence: bulk\". Repeatable.")]
        public string[] Headers { get; init; } = [];

        public override ValidationResult Validate()
        {
            foreach (var (option, word) in new[] { ("--spf", Spf), ("--dkim", Dkim), ("--dmarc", Dmarc) })
            {
                if (word is not null && !VerdictWords.Contains(word.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    return ValidationResult.Error($"{option} '{word}' is not an SES verdict; use one of: {string.Join(", ", VerdictWords)}");
                }
            }

            if (Headers.FirstOrDefault(h => h.IndexOf(':', StringComparison.Ordinal) <= 0) is { } bad)
            {
                return ValidationResult.Error($"--header '{bad}' is not a header field; write it as \"Name: value\", e.g. \"Precedence: bulk\"");
            }

            return From is null && (Spf ?? Dkim ?? Dmarc) is not null || From is null && Headers.Length > 0
                ? ValidationResult.Error("--spf, --dkim, --dmarc and --header describe a message: give its envelope sender with --from too (<> for the null sender)")
                : ValidationResult.Success();
        }

        /// <summary>The message the options describe, or null without <c>--from</c>.</summary>
        public MessageFacts? Message() => From is null
            ? null
            : new MessageFacts(
                From.Trim() == "<>" ? null : From,
                new MessageVerdicts(
                    VerdictStatus.Missing,
                    VerdictStatus.Missing,
                    VerdictStatusNames.Parse(Spf),
                    VerdictStatusNames.Parse(Dkim),
                    VerdictStatusNames.Parse(Dmarc)),
                [.. Headers.Select(h => new MessageHeader(h[..h.IndexOf(':', StringComparison.Ordinal)].Trim(), h[(h.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))]);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await reader.ReadAsync(settings.Config, cancellationToken) is not { } config)
        {
            return ExitCodes.Error;
        }

        var consultTable = (settings.Endpoint ?? settings.Table ?? settings.Region
            ?? environment.GetVariable(EnvironmentVariableNames.DynamoDbEndpoint)) is not null;
        RouteTable? table = null;
        RecipientLookup? lookup;
        string? reverseNote = null;
        if (consultTable)
        {
            var target = TableTarget.Resolve(settings, config);
            await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
            var (stored, problem) = await ReadSettingsAsync(connection.Client, target.TableName, cancellationToken);
            var separators = stored?.Routing.Separators ?? RoutingSettings.Fallback.Separators;
            lookup = RouteExplainer.Normalize(settings.Address, separators);
            if (RouteExplainer.ReverseOf(lookup) is { } reverse)
            {
                var (route, note) = await ReadReverseAsync(connection.Client, target.TableName, reverse, settings.Address, cancellationToken);
                if (route is not null)
                {
                    Print(route);
                    return ExitCodes.Ok;
                }

                reverseNote = note;
            }

            var items = new Dictionary<ItemKey, AliasRecord>();
            foreach (var key in lookup?.Candidates ?? [])
            {
                if (await AliasItemReader.ReadAsync(connection.Client, target.TableName, key, cancellationToken) is { } record)
                {
                    items[key] = record;
                }
            }

            table = new RouteTable(items, stored, problem);
        }
        else
        {
            lookup = RouteExplainer.Normalize(settings.Address, config.Routing.Separators);
            if (RouteExplainer.ReverseOf(lookup) is { } reverse)
            {
                reverseNote = $"{reverse} has the form of a reverse address, which only the table knows: pass --endpoint, --table or --region to look it up";
            }
        }

        var (routing, source) = RouteExplainer.SettingsFor(config, table);
        Print(RouteExplainer.Explain(config, routing, source, lookup, table, settings.Message()), settings.Address);
        if (reverseNote is not null)
        {
            console.MarkupLineInterpolated($"[yellow]![/] {reverseNote}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The reverse alias behind <paramref name="reverse"/> with its alias's item, or why mail to it is treated as unknown.</summary>
    private static async Task<(ReverseRoute? Route, string? Note)> ReadReverseAsync(
        IAmazonDynamoDB client, string tableName, ReverseAddress reverse, string recipient, CancellationToken cancellationToken)
    {
        var decoded = await new ReverseAliasStore(client, tableName, TimeProvider.System).ReadAsync(reverse, cancellationToken);
        if (decoded is null)
        {
            return (null, $"{reverse} has the form of a reverse address, but the table has no reverse alias with its token: mail to it is treated like mail to an unknown alias");
        }

        if (!decoded.IsSuccess)
        {
            return (null, $"{reverse} is a reverse address, but its table item is unreadable ({decoded.Reason}): the mail path keeps mail to it for the delivery to check again; repair or delete the item");
        }

        if (decoded.Record.Address.Domain != reverse.Domain)
        {
            return (null, $"{reverse} has the token of a reverse address of {decoded.Record.Address.Domain}, not of {reverse.Domain}: mail to it is treated like mail to an unknown alias");
        }

        return (new ReverseRoute(recipient, decoded.Record, await AliasItemReader.ReadAsync(client, tableName, decoded.Record.AliasKey, cancellationToken)), null);
    }

    private static async Task<(DeclaredSettings? Settings, string? Problem)> ReadSettingsAsync(
        IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = ItemKeyCodec.Encode(SettingsItemCodec.Key), ConsistentRead = true },
            cancellationToken);
        if (response.Item is not { Count: > 0 } item)
        {
            return (null, "the table has no settings item");
        }

        var decoded = SettingsItemCodec.Decode(item);
        return decoded.IsSuccess ? (decoded.Record, null) : (null, $"the table's settings item is unreadable ({decoded.Reason})");
    }

    private void Print(ReverseRoute route)
    {
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (label, markup) in route.Lines())
        {
            grid.AddRow(new Text(label), new Markup(markup));
        }

        console.Write(grid);
    }

    private void Print(RouteReport report, string address)
    {
        if (report.Lookup is not { } lookup || report.Key is not { } key)
        {
            console.MarkupLineInterpolated($"[red]'{address}' is not an address TacoMail can look up[/] (it needs a local part and a domain, and must not start with a sub-address separator)");
            return;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Text("address"), new Text(lookup.Recipient));
        grid.AddRow(new Text("settings"), new Text($"separators {report.Routing.Separators.ToString().Replace(",", " ", StringComparison.Ordinal)}, " +
            $"bounce_policy {report.Routing.Policy.Bounce.ToName()}, spam_policy {report.Routing.Policy.Spam.ToName()}, from {report.SettingsSource}"));
        grid.AddRow(new Text("looked up as"), new Text(LookedUpAs(lookup, key)));
        grid.AddRow(new Text("domain"), new Text(report.DomainDeclared
            ? $"{key.SubDomain} is declared in tacomail.yaml"
            : $"{key.SubDomain} is not declared in tacomail.yaml: SES receives no mail for it unless a receipt rule says so"));
        grid.AddRow(new Text("YAML"), new Text(report.Declared is { } alias
            ? $"{alias.State.ToName()}, destination {alias.Destination} ({alias.Source})"
            : report.RenamedTo is { } move
                ? $"not declared: renamed to {move.To} ({move.Source})"
                : "not declared"));
        grid.AddRow(new Text("disposition"), new Markup(Describe(report.Status, report.Declared?.Destination, report)));
        if (report.TableConsulted)
        {
            grid.AddRow(new Text("table"), new Text(report.TableRecord is { } item
                ? $"{item.State.ToName()}, destination {item.Destination}, identifier {item.Identifier}, use_count {item.UseCount}"
                    + (report.TableKey != key ? $" (item {report.TableKey})" : string.Empty)
                : "no item"));
            grid.AddRow(new Text("table disposition"), new Markup(Describe(report.TableStatus!.Value, report.TableRecord?.Destination, report)));
        }

        console.Write(grid);
        foreach (var disagreement in report.Disagreements)
        {
            console.MarkupLineInterpolated($"[yellow]! YAML and table disagree:[/] {disagreement}; run 'tacomail plan' to see the fix");
        }
    }

    private static string LookedUpAs(RecipientLookup lookup, ItemKey key)
    {
        if (lookup.SubAddress is null)
        {
            return lookup.Key.FullAddress;
        }

        return key == lookup.ExactKey
            ? $"{key.FullAddress} (an alias of exactly this name exists, so nothing is stripped)"
            : $"{lookup.Key.FullAddress} (sub-address '{lookup.SubAddress}' after '{lookup.Separator}' stripped)";
    }

    private static string Describe(RecipientStatus status, string? destination, RouteReport report) => status switch
    {
        RecipientStatus.Active => $"[green]deliver[/] to {Markup.Escape(destination ?? "?")}",
        RecipientStatus.Paused => "[yellow]drop[/] silently (paused)",
        RecipientStatus.Feedback => "[green]file[/] in the mailbox (S3): this is the feedback address, where SES reports bounces and complaints about forwards; filed in the mailbox, never forwarded",
        RecipientStatus.Disabled or RecipientStatus.Unknown =>
            $"[red]refuse[/] ({(status == RecipientStatus.Disabled ? "disabled" : "no such alias")}): {Markup.Escape(BounceExplanation.Describe(report.Routing, report.Message))}",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown recipient status."),
    };
}
