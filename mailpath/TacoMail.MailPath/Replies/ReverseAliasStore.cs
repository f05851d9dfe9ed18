using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.MailPath.Messages;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Table;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// Creates, finds and lists reverse aliases in <c>tacomail-reverse</c>: the one implementation the
/// delivery (on every forward) and <c>tacomail contact</c> share. Creation writes the token item
/// and the pair item in one transaction, each only if absent, so two forwards racing for the same
/// alias and sender end with one address: the loser reads the winner's.
/// </summary>
public sealed class ReverseAliasStore
{
    private const int MaxAttempts = 3;

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;
    private readonly TimeProvider _time;

    public ReverseAliasStore(IAmazonDynamoDB dynamo, string tableName, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(time);
        _dynamo = dynamo;
        _tableName = tableName;
        _time = time;
    }

    /// <summary>The reverse alias for <paramref name="alias"/> and <paramref name="correspondent"/>, created when there is none.</summary>
    /// <param name="alias">The alias address, <c>local@domain</c>, lower case.</param>
    /// <param name="correspondent">The address replies go to.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused a call.</exception>
    /// <exception cref="InvalidDataException">The pair's items are damaged (hand-edited).</exception>
    public async Task<ReverseAliasRecord> GetOrCreateAsync(string alias, string correspondent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        ArgumentException.ThrowIfNullOrEmpty(correspondent);
        correspondent = Normalize(correspondent);
        alias = alias.ToLowerInvariant();
        var at = alias.LastIndexOf('@');
        if (at <= 0 || at == alias.Length - 1)
        {
            throw new ArgumentException($"'{alias}' is not an alias address", nameof(alias));
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(alias, correspondent, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            var record = new ReverseAliasRecord(
                ReverseAddress.Create(alias[(at + 1)..]), alias, correspondent, _time.GetUtcNow().ToUnixTimeSeconds(), null);
            try
            {
                await _dynamo.TransactWriteItemsAsync(
                    new TransactWriteItemsRequest
                    {
                        TransactItems =
                        [
                            PutIfAbsent(ReverseAliasItemCodec.Encode(record)),
                            PutIfAbsent(ReverseAliasItemCodec.EncodePair(record)),
                        ],
                    },
                    cancellationToken).ConfigureAwait(false);
                return record;
            }
            catch (TransactionCanceledException) when (attempt < MaxAttempts)
            {
                // Another writer created the pair first (or, with odds of 2^-100, took the token): read it again.
            }
        }
    }

    /// <summary>
    /// The Reply-To of a forward for <paramref name="alias"/>: the reverse address for the message's
    /// <see cref="Correspondent"/>, created on first contact, named after the correspondent; null
    /// when the message names no one to reply to (the forward then keeps its own reply path).
    /// </summary>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused a call.</exception>
    /// <exception cref="InvalidDataException">The pair's items are damaged.</exception>
    public async Task<MimeKit.MailboxAddress?> ReplyToAsync(
        string alias, IReadOnlyList<HeaderField> fields, string? envelopeSender, CancellationToken cancellationToken)
    {
        if (Correspondent.Of(fields, envelopeSender) is not { } correspondent)
        {
            return null;
        }

        var reverse = await GetOrCreateAsync(alias, correspondent.Address, cancellationToken).ConfigureAwait(false);
        return Correspondent.ReplyTo(correspondent, reverse.Address.Address);
    }

    /// <summary>The reverse alias for the pair, or null when there is none.</summary>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused a call.</exception>
    /// <exception cref="InvalidDataException">The pair's items are damaged.</exception>
    public async Task<ReverseAliasRecord?> FindAsync(string alias, string correspondent, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        ArgumentException.ThrowIfNullOrEmpty(correspondent);
        correspondent = Normalize(correspondent);
        var pair = await _dynamo.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = ItemKeyCodec.Encode(ReverseAliasItemCodec.PairKey(alias, correspondent)), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        if (pair.Item is not { Count: > 0 } pairItem)
        {
            return null;
        }

        var token = ReverseAliasItemCodec.TokenOf(pairItem) ?? throw new InvalidDataException("reverse pair item without a token");
        var decoded = await ReadAsync(token, cancellationToken).ConfigureAwait(false);
        return decoded switch
        {
            null => throw new InvalidDataException("reverse pair item points at a missing token item"),
            { IsSuccess: false } => throw new InvalidDataException(decoded.Reason),
            _ => decoded.Record,
        };
    }

    /// <summary>The token item of <paramref name="address"/>, decoded (or why not); null when no item has its token.</summary>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused the call.</exception>
    public Task<DecodeResult<ReverseAliasRecord>?> ReadAsync(ReverseAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return ReadAsync(address.Token, cancellationToken);
    }

    /// <summary>Every readable reverse alias of <paramref name="alias"/>, in no particular order, read consistently (a new one shows at once).</summary>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused a call.</exception>
    public async Task<IReadOnlyList<ReverseAliasRecord>> ListAsync(string alias, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        var tokens = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await _dynamo.QueryAsync(
                new QueryRequest
                {
                    TableName = _tableName,
                    KeyConditionExpression = "#sd = :sd AND begins_with(#aa, :prefix)",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["#sd"] = TableContract.SubDomain,
                        ["#aa"] = TableContract.AliasAddress,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":sd"] = new AttributeValue { S = TableContract.ReversePartition },
                        [":prefix"] = new AttributeValue { S = ReverseAliasItemCodec.PairPrefix(alias) },
                    },
                    ExclusiveStartKey = start,
                    ConsistentRead = true,
                },
                cancellationToken).ConfigureAwait(false);
            tokens.AddRange((page.Items ?? []).Select(ReverseAliasItemCodec.TokenOf).OfType<string>());
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        var records = new List<ReverseAliasRecord>(tokens.Count);
        foreach (var chunk in tokens.Chunk(100))
        {
            var pending = new Dictionary<string, KeysAndAttributes>(StringComparer.Ordinal)
            {
                [_tableName] = new KeysAndAttributes { Keys = [.. chunk.Select(t => ItemKeyCodec.Encode(ReverseAddress.KeyOf(t)))], ConsistentRead = true },
            };
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0)
                {
                    // Throttled keys come back unprocessed: wait a little longer each time.
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * Math.Min(attempt, 16)), _time, cancellationToken).ConfigureAwait(false);
                }

                var response = await _dynamo.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending }, cancellationToken).ConfigureAwait(false);
                records.AddRange((response.Responses?.GetValueOrDefault(_tableName) ?? [])
                    .Select(ReverseAliasItemCodec.Decode).Where(d => d.IsSuccess).Select(d => d.Record!));
                pending = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }

        return records;
    }

    /// <summary>Records that a reply went out through <paramref name="address"/> now; an address deleted since is left alone.</summary>
    /// <exception cref="AmazonDynamoDBException">DynamoDB refused the call.</exception>
    public async Task TouchAsync(ReverseAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        try
        {
            await _dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = _tableName,
                    Key = ItemKeyCodec.Encode(address.ItemKey),
                    UpdateExpression = "SET #lu = :now",
                    ConditionExpression = "attribute_exists(#ra)",
                    ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["#lu"] = TableContract.LastUsedDatetime,
                        ["#ra"] = TableContract.ReplyAlias,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
                    {
                        [":now"] = new AttributeValue { N = _time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Deleted by hand since the lookup: nothing to record.
        }
    }

    private async Task<DecodeResult<ReverseAliasRecord>?> ReadAsync(string token, CancellationToken cancellationToken)
    {
        var item = await _dynamo.GetItemAsync(
            new GetItemRequest { TableName = _tableName, Key = ItemKeyCodec.Encode(ReverseAddress.KeyOf(token)), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return item.Item is { Count: > 0 } found ? ReverseAliasItemCodec.Decode(found) : null;
    }

    /// <summary>The address as stored: trimmed, its domain in lower case (the local part is the sender's to define).</summary>
    private static string Normalize(string address)
    {
        address = address.Trim();
        var at = address.LastIndexOf('@');
        return at < 0 ? address : address[..at] + address[at..].ToLowerInvariant();
    }

    private TransactWriteItem PutIfAbsent(Dictionary<string, AttributeValue> item) => new()
    {
        Put = new Put
        {
            TableName = _tableName,
            Item = item,
            ConditionExpression = "attribute_not_exists(#sd)",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#sd"] = TableContract.SubDomain },
        },
    };
}
