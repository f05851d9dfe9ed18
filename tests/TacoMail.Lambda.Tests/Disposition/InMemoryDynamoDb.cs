using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Lambda.Tests.Disposition;

/// <summary>
/// A DynamoDB client holding items in memory for the calls the handlers make (<c>BatchGetItem</c>
/// with its projection, conditional <c>UpdateItem ADD</c>, and the reverse-alias store's
/// <c>GetItem</c> and put-if-absent <c>TransactWriteItems</c>), with switches for the failures
/// DynamoDB Local never produces. Every other call goes to a closed port and fails.
/// </summary>
internal sealed class InMemoryDynamoDb() : AmazonDynamoDBClient(
    new BasicAWSCredentials("test", "test"),
    new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1", MaxErrorRetry = 0 })
{
    private readonly Dictionary<ItemKey, Dictionary<string, AttributeValue>> _items = [];
    private readonly List<BatchGetItemRequest> _batchGets = [];
    private readonly List<UpdateItemRequest> _updates = [];

    public Exception? BatchGetFailure { get; set; }

    public Exception? UpdateFailure { get; set; }

    /// <summary>How many batch answers return every key unprocessed before answering properly.</summary>
    public int UnprocessedAnswers { get; set; }

    /// <summary>Runs inside each batch call, e.g. to move a fake clock as if the call were slow.</summary>
    public Action? DuringBatchGet { get; set; }

    /// <summary>The batch call waits until it is cancelled.</summary>
    public bool BatchGetHangs { get; set; }

    public TaskCompletionSource BatchGetStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<BatchGetItemRequest> BatchGets => Locked(() => _batchGets.ToList());

    public IReadOnlyList<UpdateItemRequest> Updates => Locked(() => _updates.ToList());

    public void Put(AliasRecord record) => Put(AliasItemCodec.Encode(record));

    public void Put(Dictionary<string, AttributeValue> item) => Locked(() => _items[KeyOf(item)] = item);

    public bool Contains(ItemKey key) => Locked(() => _items.ContainsKey(key));

    public long UseCount(ItemKey key) =>
        Locked(() => long.Parse(_items[key][TableContract.UseCount].N, CultureInfo.InvariantCulture));

    public string? LastUsed(ItemKey key) =>
        Locked(() => _items[key].TryGetValue(TableContract.LastUsedDatetime, out var value) ? value.N : null);

    public override async Task<BatchGetItemResponse> BatchGetItemAsync(
        BatchGetItemRequest request, CancellationToken cancellationToken = default)
    {
        Locked(() => _batchGets.Add(request));
        BatchGetStarted.TrySetResult();
        DuringBatchGet?.Invoke();
        if (BatchGetFailure is { } failure)
        {
            throw failure;
        }

        if (BatchGetHangs)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var (table, keys) = request.RequestItems.Single();
        if (UnprocessedAnswers > 0)
        {
            UnprocessedAnswers--;
            return new BatchGetItemResponse { Responses = new() { [table] = [] }, UnprocessedKeys = new() { [table] = keys } };
        }

        var names = keys.ExpressionAttributeNames.Values.ToHashSet(StringComparer.Ordinal);
        var items = Locked(() => keys.Keys
            .Select(KeyOf)
            .Where(_items.ContainsKey)
            .Select(k => _items[k].Where(a => names.Contains(a.Key)).ToDictionary())
            .ToList());
        return new BatchGetItemResponse { Responses = new() { [table] = items }, UnprocessedKeys = [] };
    }

    public override Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default)
    {
        Locked(() => _updates.Add(request));
        if (UpdateFailure is { } failure)
        {
            throw failure;
        }

        var key = KeyOf(request.Key);
        return Locked(() =>
        {
            if (!_items.TryGetValue(key, out var item) || !item.ContainsKey(TableContract.Identifier))
            {
                throw new ConditionalCheckFailedException("The conditional request failed");
            }

            var count = item.TryGetValue(TableContract.UseCount, out var value) ? long.Parse(value.N, CultureInfo.InvariantCulture) : 0;
            item[TableContract.UseCount] = new AttributeValue { N = (count + 1).ToString(CultureInfo.InvariantCulture) };
            if (request.ExpressionAttributeValues.TryGetValue(":now", out var now))
            {
                item[TableContract.LastUsedDatetime] = now;
            }

            return Task.FromResult(new UpdateItemResponse());
        });
    }

    public override Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Locked(() => new GetItemResponse { Item = _items.TryGetValue(KeyOf(request.Key), out var item) ? new(item) : [] }));

    /// <summary>Puts only (the reverse-alias store's), each conditioned on the item's absence.</summary>
    public override Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Locked(() =>
        {
            var puts = request.TransactItems.Select(i => i.Put ?? throw new NotSupportedException("only Put")).ToList();
            if (puts.Any(p => _items.ContainsKey(KeyOf(p.Item))))
            {
                throw new TransactionCanceledException("Transaction cancelled: ConditionalCheckFailed");
            }

            puts.ForEach(p => _items[KeyOf(p.Item)] = p.Item);
            return new TransactWriteItemsResponse();
        }));

    private static ItemKey KeyOf(Dictionary<string, AttributeValue> item) =>
        new(item[TableContract.SubDomain].S, item[TableContract.AliasAddress].S);

    private void Locked(Action action) => Locked(() =>
    {
        action();
        return true;
    });

    private T Locked<T>(Func<T> action)
    {
        lock (_items)
        {
            return action();
        }
    }
}
