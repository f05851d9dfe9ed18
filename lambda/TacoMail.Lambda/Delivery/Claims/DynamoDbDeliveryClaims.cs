using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Lambda.Delivery.Claims;

/// <summary>
/// <see cref="IDeliveryClaims"/> as items of the reserved partition <c>tacomail-delivery</c> (sort
/// key <c>&lt;message id&gt;#&lt;recipient mark&gt;</c>, no address), written with conditions so
/// DynamoDB decides between concurrent invocations. Items expire by the table's TTL.
/// </summary>
internal sealed class DynamoDbDeliveryClaims : IDeliveryClaims
{
    /// <summary>Longer than the delivery function's timeout: a lease lapses only when its holder is gone.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    /// <summary>Claims outlive every retry and the queue lifetime's cap.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(110);

    public const string State = "claim_state";
    public const string Owner = "claim_owner";
    public const string LeaseUntil = "lease_until";
    public const string ClaimedState = "claimed";
    public const string SentState = "sent";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _table;
    private readonly TimeProvider _time;
    private readonly string _owner = Guid.NewGuid().ToString("N");

    public DynamoDbDeliveryClaims(IAmazonDynamoDB dynamo, string table, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(time);
        _dynamo = dynamo;
        _table = table;
        _time = time;
    }

    public static ItemKey KeyOf(string messageId, ItemKey alias) =>
        new(TableContract.DeliveryPartition, $"{messageId}#{RecipientMark.Of(alias)}");

    public async Task<ClaimOutcome> TryClaimAsync(string messageId, ItemKey alias, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var key = KeyOf(messageId, alias);
        var item = ItemKeyCodec.Encode(key);
        item[State] = new AttributeValue { S = ClaimedState };
        item[Owner] = new AttributeValue { S = _owner };
        item[LeaseUntil] = Seconds(now + Lease);
        item[TableContract.ExpiresAt] = Seconds(now + Retention);
        var request = new PutItemRequest
        {
            TableName = _table,
            Item = item,
            ConditionExpression = "attribute_not_exists(#sd) OR (#st = :claimed AND #lease < :now)",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#sd"] = TableContract.SubDomain,
                ["#st"] = State,
                ["#lease"] = LeaseUntil,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":claimed"] = new AttributeValue { S = ClaimedState },
                [":now"] = Seconds(now),
            },
        };
        try
        {
            await _dynamo.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
            return ClaimOutcome.Claimed;
        }
        catch (ConditionalCheckFailedException)
        {
            var existing = await _dynamo.GetItemAsync(
                new GetItemRequest { TableName = _table, Key = ItemKeyCodec.Encode(key), ConsistentRead = true }, cancellationToken).ConfigureAwait(false);
            return existing.Item?.GetValueOrDefault(State)?.S == SentState ? ClaimOutcome.AlreadySent : ClaimOutcome.HeldElsewhere;
        }
    }

    public async Task MarkSentAsync(string messageId, ItemKey alias, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = _table,
            Key = ItemKeyCodec.Encode(KeyOf(messageId, alias)),
            UpdateExpression = "SET #st = :sent",
            ConditionExpression = "#owner = :me",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#st"] = State, ["#owner"] = Owner },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":sent"] = new AttributeValue { S = SentState },
                [":me"] = new AttributeValue { S = _owner },
            },
        };
        try
        {
            await _dynamo.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // Our lease lapsed and another invocation took the claim: it may send once more (at most one duplicate).
        }
    }

    public async Task ReleaseAsync(string messageId, ItemKey alias, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest
        {
            TableName = _table,
            Key = ItemKeyCodec.Encode(KeyOf(messageId, alias)),
            ConditionExpression = "#owner = :me AND #st = :claimed",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal) { ["#owner"] = Owner, ["#st"] = State },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":me"] = new AttributeValue { S = _owner },
                [":claimed"] = new AttributeValue { S = ClaimedState },
            },
        };
        try
        {
            await _dynamo.DeleteItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConditionalCheckFailedException or AmazonDynamoDBException or HttpRequestException)
        {
            // Best effort: the lease lapses by itself.
        }
    }

    private static AttributeValue Seconds(DateTimeOffset time) =>
        new() { N = time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
}
