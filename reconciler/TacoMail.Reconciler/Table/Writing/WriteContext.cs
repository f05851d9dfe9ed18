using Amazon.DynamoDBv2;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>What every writer of one apply shares: the table, the clock, the identifier source, the retry policy and the lock's fence.</summary>
internal sealed record WriteContext(
    IAmazonDynamoDB Client,
    string TableName,
    TimeProvider TimeProvider,
    Func<string> NewIdentifier,
    ApplyOptions Options,
    RetryBackoff Backoff)
{
    /// <summary>The current time in Unix seconds, as the table stores it.</summary>
    public long Now => TimeProvider.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Asked before every write; <see cref="Unfenced"/> unless the apply holds the table lock.</summary>
    public IWriteFence Fence { get; init; } = Unfenced.Instance;
}
