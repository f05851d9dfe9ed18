using Amazon.DynamoDBv2;
using TacoMail.Schema.Table;

namespace TacoMail.Lambda.Configuration;

/// <summary>
/// Builds the function's DynamoDB client from <see cref="LambdaSettings"/>: the region and
/// endpoint are passed explicitly so that the validated settings are the only source, and the
/// credentials are found as the CLI finds them (<see cref="TableClientFactory"/>), so a table the
/// CLI applied on an emulator is the table the function reads.
/// </summary>
internal static class DynamoDbClientFactory
{
    /// <summary>
    /// Few SDK retries: the handler has its own deadline and answers CONTINUE on failure, so a
    /// long retry chain only risks the Lambda timeout.
    /// </summary>
    public const int MaxErrorRetry = 2;

    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(5);

    public static AmazonDynamoDBConfig CreateConfig(LambdaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = TableClientFactory.CreateConfig(settings.DynamoDbEndpoint, settings.Region);
        config.MaxErrorRetry = MaxErrorRetry;
        config.Timeout = RequestTimeout;
        return config;
    }

    /// <summary>Credentials come from the SDK's default chain (the Lambda role in AWS), else, for a loopback endpoint, the emulator's.</summary>
    public static AmazonDynamoDBClient Create(LambdaSettings settings) =>
        TableClientFactory.Create(CreateConfig(settings), _ => null);
}
