using Amazon.DynamoDBv2;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>What every writer of one apply shares: the table, the clock, the identifier source and the retry policy.</summary>
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
}
