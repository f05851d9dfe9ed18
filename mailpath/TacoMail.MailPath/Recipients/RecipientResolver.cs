using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.MailPath.Recipients;

/// <summary>
/// The one recipient pipeline both handlers use: normalise each envelope recipient (quotes,
/// case, punycode, sub-address), look up every candidate key and the declared settings item in
/// one <c>BatchGetItem</c>, and classify each recipient, the exact address winning over the
/// stripped one and the feedback address never counting as an alias. Host-independent: it knows
/// the table, not SES or Lambda.
/// </summary>
/// <remarks>
/// A reverse address (<see cref="ReverseAddress"/>) is recognised before any sub-address is
/// stripped and looked up by its token in the same request; the aliases its items name are read
/// in a second request, which only messages to reverse addresses (replies) pay for.
/// </remarks>
/// <remarks>
/// Which keys to read depends on the separators, which are themselves in the settings item.
/// The resolver keeps the separators it last read (per instance, which lives as long as the
/// warm function), so the steady state costs one round trip; only right after a change of
/// separators does a second read fetch the keys the new ones name.
/// </remarks>
public sealed class RecipientResolver
{
    public const string NoSettingsItem = "no settings item in the table (run 'tacomail apply'): safe defaults, no bounces";

    private readonly AliasBatchReader _reader;
    private SubAddressSeparators _separators = SubAddressSeparators.Default;

    public RecipientResolver(AliasBatchReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
    }

    /// <exception cref="Amazon.DynamoDBv2.AmazonDynamoDBException">DynamoDB refused the lookup.</exception>
    /// <exception cref="AliasLookupException">DynamoDB kept keys unprocessed (throttling).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<RecipientResolution> ResolveAsync(IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var separators = _separators;
        var lookups = Normalize(recipients, separators);
        var requested = CandidateKeys(lookups).ToHashSet();
        var table = await _reader.ReadAsync(requested, withSettings: true, cancellationToken).ConfigureAwait(false);
        var (settings, fallback) = SettingsOf(table.Settings);
        var aliases = table.Aliases;
        if (!settings.Separators.Equals(separators))
        {
            _separators = settings.Separators;
            lookups = Normalize(recipients, settings.Separators);
            var missing = CandidateKeys(lookups).Where(k => !requested.Contains(k)).ToList();
            if (missing.Count > 0)
            {
                var more = await _reader.ReadAsync(missing, withSettings: false, cancellationToken).ConfigureAwait(false);
                aliases = aliases.Concat(more.Aliases).ToDictionary(pair => pair.Key, pair => pair.Value);
            }
        }

        var reverses = table.Reverses;
        var replyAliases = reverses.Values.Where(r => r.IsSuccess).Select(r => r.Record!.AliasKey)
            .Where(k => !aliases.ContainsKey(k)).Distinct().ToList();
        if (replyAliases.Count > 0)
        {
            var more = await _reader.ReadAsync(replyAliases, withSettings: false, cancellationToken).ConfigureAwait(false);
            aliases = aliases.Concat(more.Aliases).ToDictionary(pair => pair.Key, pair => pair.Value);
        }

        var resolved = lookups.Select(l => Classify(l.Recipient, l.Lookup, aliases, reverses, settings)).ToList();
        return new RecipientResolution(resolved, settings, fallback);
    }

    /// <summary>
    /// The key <paramref name="recipient"/> names under the default separators, for when the table
    /// (and with it the declared separators) could not be read; null for an invalid address.
    /// </summary>
    public static ItemKey? KeyOf(string recipient) =>
        RecipientNormalizer.TryNormalize(recipient, SubAddressSeparators.Default, out var lookup) ? lookup.Key : null;

    private static List<(string Recipient, RecipientLookup? Lookup)> Normalize(IReadOnlyList<string> recipients, SubAddressSeparators separators) =>
        [.. recipients.Select(r => (r, RecipientNormalizer.TryNormalize(r, separators, out var lookup) ? lookup : null))];

    private static IEnumerable<ItemKey> CandidateKeys(IEnumerable<(string Recipient, RecipientLookup? Lookup)> lookups) =>
        lookups.SelectMany(l => l.Lookup is null ? [] : ReverseOf(l.Lookup) is { } reverse ? [reverse.ItemKey] : l.Lookup.Candidates);

    /// <summary>The reverse address <paramref name="lookup"/> names, as written or with its sub-address stripped; null for any other address.</summary>
    private static ReverseAddress? ReverseOf(RecipientLookup lookup) =>
        ReverseAddress.TryParse(lookup.WholeKey, out var whole) ? whole
        : ReverseAddress.TryParse(lookup.Key, out var stripped) ? stripped
        : null;


    private static (RoutingSettings Settings, string? Fallback) SettingsOf(DecodeResult<DeclaredSettings>? item) => item switch
    {
        null => (RoutingSettings.Fallback, NoSettingsItem),
        { IsSuccess: true } => (item.Record.Routing, null),
        _ => (RoutingSettings.Fallback, $"settings item unreadable, safe defaults, no bounces: {item.Reason}"),
    };

    private static ResolvedRecipient Classify(
        string recipient,
        RecipientLookup? lookup,
        IReadOnlyDictionary<ItemKey, AliasItemLookup> aliases,
        IReadOnlyDictionary<ItemKey, DecodeResult<ReverseAliasRecord>> reverses,
        RoutingSettings settings)
    {
        if (lookup is null)
        {
            return new ResolvedRecipient(recipient, null, LookupStatus.InvalidAddress, RecipientStatus.InvalidAddress, null, null);
        }

        if (settings.IsFeedback(lookup))
        {
            return new ResolvedRecipient(recipient, lookup.WholeKey, LookupStatus.Feedback, RecipientStatus.Feedback, null, null);
        }

        if (ReverseOf(lookup) is { } reverse)
        {
            return ClassifyReverse(recipient, reverse, aliases, reverses);
        }

        var key = lookup.Resolve(aliases.ContainsKey);
        if (!aliases.TryGetValue(key, out var item))
        {
            return new ResolvedRecipient(recipient, key, LookupStatus.NotFound, RecipientStatus.Unknown, null, null);
        }

        return item.Record is { } record
            ? new ResolvedRecipient(recipient, key, LookupStatus.Found, MessagePolicy.StatusOf(record.State), record, null)
            : new ResolvedRecipient(recipient, key, LookupStatus.Unreadable, RecipientStatus.Unreadable, null, item.UnreadableReason);
    }

    /// <summary>
    /// A reverse address: unknown when no item has its token or the item belongs to another
    /// domain's alias; a reply when its alias is active; stopped when the alias is paused, disabled
    /// or gone; unreadable (stored, for the delivery to re-check) when either item is damaged.
    /// </summary>
    private static ResolvedRecipient ClassifyReverse(
        string recipient,
        ReverseAddress reverse,
        IReadOnlyDictionary<ItemKey, AliasItemLookup> aliases,
        IReadOnlyDictionary<ItemKey, DecodeResult<ReverseAliasRecord>> reverses)
    {
        // The address as received is the recipient's key (logs and metrics by domain, delivery marks); the token item is looked up by its own key.
        var key = new ItemKey(reverse.Domain, reverse.LocalPart);
        if (!reverses.TryGetValue(reverse.ItemKey, out var item))
        {
            return new ResolvedRecipient(recipient, key, LookupStatus.NotFound, RecipientStatus.Unknown, null, null);
        }

        if (!item.IsSuccess)
        {
            return new ResolvedRecipient(recipient, key, LookupStatus.Unreadable, RecipientStatus.Unreadable, null, item.Reason);
        }

        if (!string.Equals(item.Record.Address.Domain, reverse.Domain, StringComparison.Ordinal))
        {
            return new ResolvedRecipient(recipient, key, LookupStatus.NotFound, RecipientStatus.Unknown, null, null);
        }

        if (!aliases.TryGetValue(item.Record.AliasKey, out var alias))
        {
            return new ResolvedRecipient(recipient, key, LookupStatus.Reverse, RecipientStatus.ReplyStopped, null, null) { Reverse = item.Record };
        }

        if (alias.Record is not { } record)
        {
            return new ResolvedRecipient(recipient, key, LookupStatus.Unreadable, RecipientStatus.Unreadable, null, alias.UnreadableReason);
        }

        var status = record.State == AliasState.Active ? RecipientStatus.Reply : RecipientStatus.ReplyStopped;
        return new ResolvedRecipient(recipient, key, LookupStatus.Reverse, status, record, null) { Reverse = item.Record };
    }
}
