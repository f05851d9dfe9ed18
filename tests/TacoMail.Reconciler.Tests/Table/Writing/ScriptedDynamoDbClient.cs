using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace TacoMail.Reconciler.Tests.Table.Writing;

/// <summary>
/// A DynamoDB client whose batch and transaction calls answer from a script, for failures
/// DynamoDB Local never produces (throttled batches, transaction conflicts). Every other call
/// goes to an unreachable endpoint and fails.
/// </summary>
internal sealed class ScriptedDynamoDbClient(TimeProvider clock) : AmazonDynamoDBClient(
    new BasicAWSCredentials("test", "test"),
    new AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:1", MaxErrorRetry = 0 })
{
    public Func<BatchWriteItemRequest, BatchWriteItemResponse> BatchWrite { get; init; } = _ => new BatchWriteItemResponse();

    public Func<TransactWriteItemsRequest, TransactWriteItemsResponse> TransactWrite { get; init; } = _ => new TransactWriteItemsResponse();

    /// <summary>When each call was made, by the injected clock.</summary>
    public List<(string Operation, DateTimeOffset At)> Calls { get; } = [];

    public override Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken = default)
    {
        Record("BatchWriteItem");
        return Task.FromResult(BatchWrite(request));
    }

    public override Task<TransactWriteItemsResponse> TransactWriteItemsAsync(TransactWriteItemsRequest request, CancellationToken cancellationToken = default)
    {
        Record("TransactWriteItems");
        return Task.FromResult(TransactWrite(request));
    }

    private void Record(string operation)
    {
        lock (Calls)
        {
            Calls.Add((operation, clock.GetUtcNow()));
        }
    }
}
