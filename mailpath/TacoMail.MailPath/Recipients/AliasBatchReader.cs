using System.Collections.Frozen;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Table;

namespace TacoMail.MailPath.Recipients;

/// <summary>
/// Looks up every recipient of a message (alias items, and the token items of reverse addresses),
/// and the declared settings item with them, in one <c>BatchGetItem</c> (more only past 100 keys, which SES's 50-recipient limit with two
/// candidate keys each never reaches), projecting only what the decoders need.
/// Eventually consistent reads suffice: an alias changed a second ago may route either way.
/// Keys returned unprocessed (throttling) are retried a bounded number of times with backoff.
/// </summary>
public sealed class AliasBatchReader
{
    public const int BatchSize = 100;
    public const int MaxRetries = 4;

    /// <summary>
    /// What <see cref="AliasItemCodec.Decode"/> requires: the keys, both flags, destination,
    /// identifier and the two timestamps (it rejects an item without them). Not <c>use_count</c>,
    /// <c>full_address</c> or <c>application</c>.
    /// </summary>
    private static readonly FrozenDictionary<string, string> ProjectedNames = new Dictionary<string, string>
    {
        ["#sd"] = TableContract.SubDomain,
        ["#aa"] = TableContract.AliasAddress,
        ["#act"] = TableContract.ActiveAlias,
        ["#ign"] = TableContract.IgnoreAlias,
        ["#dst"] = TableContract.Destination,
        ["#id"] = TableContract.Identifier,
        ["#cre"] = TableContract.CreatedDatetime,
        ["#mod"] = TableContract.ModifiedDatetime,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ProjectedWithSettings = ProjectedNames
        .Concat(SettingsItemCodec.AttributeNames.Select((name, i) => KeyValuePair.Create($"#s{i}", name)))
        .Concat(ReverseAliasItemCodec.AttributeNames
            .Where(name => !ProjectedNames.Values.Contains(name))
            .Select((name, i) => KeyValuePair.Create($"#r{i}", name)))
        .ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string Projection = string.Join(", ", ProjectedWithSettings.Keys);

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;
    private readonly TimeProvider _time;
    private readonly Func<double> _jitter;

    public AliasBatchReader(IAmazonDynamoDB dynamo, string tableName, TimeProvider time, Func<double>? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(time);
        _dynamo = dynamo;
        _tableName = tableName;
        _time = time;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    public static TimeSpan BaseDelay { get; } = TimeSpan.FromMilliseconds(50);

    public static TimeSpan MaxDelay { get; } = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// The alias items and reverse-address items found for <paramref name="keys"/> (a key with no
    /// entry has no item) and, when <paramref name="withSettings"/>, the settings item read in the
    /// same request.
    /// </summary>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused the request.</exception>
    /// <exception cref="AliasLookupException">Keys stayed unprocessed after <see cref="MaxRetries"/> retries.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TableLookup> ReadAsync(
        IReadOnlyCollection<ItemKey> keys, bool withSettings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<ItemKey, Dictionary<string, AttributeValue>>();
        var wanted = keys.Where(k => k != SettingsItemCodec.Key);
        if (withSettings)
        {
            wanted = wanted.Prepend(SettingsItemCodec.Key);
        }

        foreach (var chunk in wanted.Distinct().Chunk(BatchSize))
        {
            await ReadChunkAsync(chunk, found, cancellationToken).ConfigureAwait(false);
        }

        var settings = found.Remove(SettingsItemCodec.Key, out var settingsItem) ? SettingsItemCodec.Decode(settingsItem) : null;
        var reverses = found.Where(pair => pair.Key.SubDomain == TableContract.ReversePartition)
            .ToDictionary(pair => pair.Key, pair => ReverseAliasItemCodec.Decode(pair.Value));
        var aliases = found.Where(pair => pair.Key.SubDomain != TableContract.ReversePartition)
            .ToDictionary(pair => pair.Key, pair => Decode(pair.Value));
        return new TableLookup(aliases, settings) { Reverses = reverses };
    }

    private async Task ReadChunkAsync(
        ItemKey[] keys, Dictionary<ItemKey, Dictionary<string, AttributeValue>> found, CancellationToken cancellationToken)
    {
        var pending = new KeysAndAttributes
        {
            Keys = [.. keys.Select(ItemKeyCodec.Encode)],
            ProjectionExpression = Projection,
            ExpressionAttributeNames = new Dictionary<string, string>(ProjectedWithSettings, StringComparer.Ordinal),
        };

        for (var attempt = 0; ; attempt++)
        {
            var request = new BatchGetItemRequest
            {
                RequestItems = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal) { [_tableName] = pending },
            };
            var response = await _dynamo.BatchGetItemAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Responses?.TryGetValue(_tableName, out var items) == true)
            {
                foreach (var item in items ?? [])
                {
                    if (TryReadKey(item, out var key))
                    {
                        found[key] = item;
                    }
                }
            }

            var unprocessed = response.UnprocessedKeys?.GetValueOrDefault(_tableName);
            if (unprocessed?.Keys is not { Count: > 0 } unprocessedKeys)
            {
                return;
            }

            if (attempt >= MaxRetries)
            {
                throw new AliasLookupException(
                    $"{unprocessedKeys.Count} key(s) still unprocessed after {MaxRetries} retries (throttled)");
            }

            await Task.Delay(DelayFor(attempt), _time, cancellationToken).ConfigureAwait(false);
            pending = unprocessed;
        }
    }

    /// <summary>Equal jitter: half the capped exponential delay plus a random part of the other half.</summary>
    private TimeSpan DelayFor(int attempt)
    {
        var capped = Math.Min(BaseDelay.Ticks * Math.Pow(2, attempt), MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)((capped / 2) + (_jitter() * capped / 2)));
    }

    private static AliasItemLookup Decode(Dictionary<string, AttributeValue> item)
    {
        var decoded = AliasItemCodec.Decode(item);
        return decoded.IsSuccess ? new AliasItemLookup(decoded.Record, null) : new AliasItemLookup(null, decoded.Reason);
    }

    private static bool TryReadKey(Dictionary<string, AttributeValue> item, out ItemKey key)
    {
        key = default;
        if (item.GetValueOrDefault(TableContract.SubDomain)?.S is not { Length: > 0 } subDomain
            || item.GetValueOrDefault(TableContract.AliasAddress)?.S is not { Length: > 0 } localPart)
        {
            return false;
        }

        key = new ItemKey(subDomain, localPart);
        return true;
    }
}
