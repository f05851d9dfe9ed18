using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using MimeKit;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.MailPath.Replies;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Replies;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Reading;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail contact ALIAS CORRESPONDENT</c>: the reverse address for the pair, created when there
/// is none, so the owner can write first from the alias; <c>--list</c> shows the alias's reverse
/// addresses instead. Uses the delivery's own <see cref="ReverseAliasStore"/>, so both make the
/// same address for the same pair. The answer (the address, the list) is shown in full; the note
/// beside it masks the owner's mailbox.
/// </summary>
[Description(
    "Print the reverse address of ALIAS for CORRESPONDENT, creating it if needed, so that you can write first: mail you send " +
    "to it from the alias's destination goes to CORRESPONDENT from ALIAS, as replies to forwarded mail do. Standard output " +
    "holds just the address (for scripts); how to use it goes to standard error. With --list, show ALIAS's reverse addresses " +
    "instead, most recently used first. ALIAS must be declared in the YAML and applied to the table.")]
internal sealed class ContactCommand(
    IAnsiConsole console, NoteConsole notes, ConfigReader reader, DynamoDbConnector connector, TimeProvider time)
    : AsyncCommand<ContactCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        public const string TextFormat = "text";
        public const string JsonFormat = "json";

        [CommandArgument(0, "<ALIAS>")]
        [Description("The alias to write from, e.g. shop@example.com.")]
        public string Alias { get; init; } = string.Empty;

        [CommandArgument(1, "[CORRESPONDENT]")]
        [Description("The address to write to, e.g. jane@x.example or \"Jane Doe <jane@x.example>\".")]
        public string? Correspondent { get; init; }

        [CommandOption("--list")]
        [Description("List ALIAS's reverse addresses (reverse address, correspondent, created, last used) instead, most recently used first.")]
        public bool List { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("With --list: text (a table) or json (versioned: {\"format_version\":\"1\",\"alias\":…,\"reverse_aliases\":[[…]]}, ISO times, last_used_at null when never). Default: text.")]
        public string? Format { get; init; }

        /// <summary>The alias, lower case with its domain in ASCII (valid once <see cref="Validate"/> passed).</summary>
        public AliasAddress ParsedAlias => ParseAlias(Alias, out var alias, out _) ? alias : throw new InvalidOperationException("ALIAS is not valid.");

        /// <summary>The correspondent's bare address, or null with <c>--list</c> (valid once <see cref="Validate"/> passed).</summary>
        public EmailAddress? ParsedCorrespondent => Correspondent is null
            ? null
            : ParseCorrespondent(Correspondent, out var address, out _) ? address : throw new InvalidOperationException("CORRESPONDENT is not valid.");

        public bool Json => Format == JsonFormat;

        public override ValidationResult Validate()
        {
            if (!ParseAlias(Alias, out _, out var aliasProblem))
            {
                return ValidationResult.Error(aliasProblem);
            }

            if (List && Correspondent is not null)
            {
                return ValidationResult.Error(
                    "give either CORRESPONDENT (to print its reverse address) or --list (to list the alias's reverse addresses), not both");
            }

            if (!List && Correspondent is null)
            {
                return ValidationResult.Error("name the CORRESPONDENT to write to (e.g. jane@x.example), or pass --list to list the alias's reverse addresses");
            }

            if (Correspondent is not null && !ParseCorrespondent(Correspondent, out _, out var correspondentProblem))
            {
                return ValidationResult.Error(correspondentProblem);
            }

            if (Format is not null and not (TextFormat or JsonFormat))
            {
                return ValidationResult.Error($"--format must be {TextFormat} or {JsonFormat}, not '{Format}'");
            }

            return Format is not null && !List
                ? ValidationResult.Error("--format goes with --list; without it contact prints just the address")
                : ValidationResult.Success();
        }

        private static bool ParseAlias(string text, [NotNullWhen(true)] out AliasAddress? alias, out string problem)
        {
            problem = string.Empty;
            if (AliasAddress.TryParse(text.Trim().ToLowerInvariant(), out alias, out var error))
            {
                return true;
            }

            problem = $"ALIAS '{text}' is not an alias address: {error.Message}";
            return false;
        }

        /// <summary>The bare address of <paramref name="text"/>, which may be written as a mailbox with a display name.</summary>
        private static bool ParseCorrespondent(string text, [NotNullWhen(true)] out EmailAddress? address, out string problem)
        {
            address = null;
            problem = string.Empty;
            var bare = MailboxAddress.TryParse(text.Trim(), out var mailbox) ? mailbox.Address : text.Trim();
            if (EmailAddress.TryParse(bare, out address, out var error))
            {
                return true;
            }

            problem = $"CORRESPONDENT: {error.Message}";
            return false;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await reader.ReadAsync(settings.Config, cancellationToken) is not { } config)
        {
            return ExitCodes.Error;
        }

        var alias = settings.ParsedAlias;
        CheckDeclared(config, alias, settings.Config);
        var correspondent = settings.ParsedCorrespondent;
        if (correspondent is not null)
        {
            CheckNotOwnReverseAddress(config, correspondent);
        }

        var target = TableTarget.Resolve(settings, config);
        await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
        try
        {
            var item = await AliasItemReader.ReadAsync(connection.Client, target.TableName, DesiredStateBuilder.KeyOf(alias), cancellationToken)
                ?? throw new TacoMailException(
                    $"{alias} is declared in {settings.Config} but table '{target.TableName}' on {connection.Description} has no item for it yet; " +
                    "run 'tacomail apply' first");
            var store = new ReverseAliasStore(connection.Client, target.TableName, time);
            if (correspondent is null)
            {
                await ListAsync(store, alias, settings.Json, target.TableName, connection.Description, cancellationToken);
            }
            else
            {
                await PrintAddressAsync(store, alias, correspondent, item, cancellationToken);
            }
        }
        catch (InvalidDataException exception)
        {
            throw new TacoMailException(
                $"the table's reverse alias items for {alias} are damaged ({exception.Message}); " +
                $"repair or delete them under the partition '{TableContract.ReversePartition}'",
                exception);
        }
        catch (ResourceNotFoundException exception)
        {
            throw TableReadException.Missing(target.TableName, exception);
        }
        catch (AmazonServiceException exception)
        {
            throw new TacoMailException(
                $"DynamoDB refused a call on table '{target.TableName}': {exception.Message} ({exception.ErrorCode})", exception);
        }

        return ExitCodes.Ok;
    }

    private async Task ListAsync(
        ReverseAliasStore store, AliasAddress alias, bool json, string tableName, string description, CancellationToken cancellationToken)
    {
        var listing = ReverseAliasListing.Of(alias.ToString(), await store.ListAsync(alias.ToString(), cancellationToken));
        if (json)
        {
            ReverseAliasJsonRenderer.Render(listing, console);
            return;
        }

        console.MarkupLineInterpolated($"[grey]reverse addresses of {alias} in table '{tableName}' on {description}[/]");
        ReverseAliasTextRenderer.Render(listing, console);
    }

    private async Task PrintAddressAsync(
        ReverseAliasStore store, AliasAddress alias, EmailAddress correspondent, AliasRecord item, CancellationToken cancellationToken)
    {
        var existing = await store.FindAsync(alias.ToString(), correspondent.ToString(), cancellationToken);
        var record = existing ?? await store.GetOrCreateAsync(alias.ToString(), correspondent.ToString(), cancellationToken);
        console.Profile.Out.Writer.WriteLine(record.Address.Address);

        var note = notes.Console;
        if (existing is null)
        {
            note.MarkupLineInterpolated($"[grey]new reverse address of {alias} for {record.Correspondent}[/]");
        }
        else
        {
            note.MarkupLineInterpolated(
                $"[grey]the reverse address of {alias} for {record.Correspondent} since {ReverseAliasListing.Time(record.CreatedDatetime)}, last used {ReverseAliasListing.Time(record.LastUsedDatetime)}[/]");
        }

        if (item.Destination == DestinationAddress.S3.Value)
        {
            note.MarkupLineInterpolated(
                $"[yellow]! {alias} files its mail in S3: a reply through this address must come from the alias's destination mailbox, so none passes until it forwards to one[/]");
            return;
        }

        note.MarkupLineInterpolated(
            $"[grey]write to this address from {AddressMask.Mask(item.Destination)}; it goes to {record.Correspondent} from {alias}[/]");
        if (item.State != AliasState.Active)
        {
            note.MarkupLineInterpolated(
                $"[yellow]! {alias} is {item.State.ToName()} in the table: mail to this address is dropped until the alias is active again[/]");
        }
    }

    /// <exception cref="TacoMailException">The alias is not declared: names the fix.</exception>
    private static void CheckDeclared(TacoMailConfig config, AliasAddress alias, string directory)
    {
        if (config.Aliases.Any(a => a.Address == alias))
        {
            return;
        }

        if (config.Moves.FirstOrDefault(m => m.From == alias) is { } move)
        {
            throw new TacoMailException($"{alias} was renamed to {move.To} ({move.Source}); use {move.To}");
        }

        var hint = ClosestMatch.Hint(alias.ToString(), config.Aliases.Select(a => a.Address.ToString()));
        throw new TacoMailException(
            $"{alias} is not an alias declared in {directory}{hint}; declare it there and run 'tacomail apply', or fix the address");
    }

    /// <exception cref="TacoMailException">The correspondent is one of this configuration's reverse addresses.</exception>
    private static void CheckNotOwnReverseAddress(TacoMailConfig config, EmailAddress correspondent)
    {
        if (ReverseAddress.IsReverseForm(correspondent.LocalPart.ToLowerInvariant()) && config.Domains.Contains(correspondent.Domain))
        {
            throw new TacoMailException(
                $"{correspondent} is a reverse address of this configuration, which stands for someone else's correspondent, not a " +
                "correspondent itself; give the correspondent's own address (the From of their mail)");
        }
    }
}
