using Amazon;
using Amazon.DynamoDBv2;

namespace TacoMail.Lambda.Configuration;

/// <summary>
/// Builds the DynamoDB client from <see cref="LambdaSettings"/>. SDK v4 reads
/// <c>AWS_REGION</c> and <c>AWS_ENDPOINT_URL_DYNAMODB</c> by itself (checked), but the function
/// passes them explicitly so that the validated settings are the only source and tests need not
/// touch the process environment. Credentials always come from the SDK's default chain (the
/// Lambda role; <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c> in tests).
/// </summary>
internal static class DynamoDbClientFactory
{
    /// <summary>The signing region for an endpoint override when <c>AWS_REGION</c> is not set (emulators accept any).</summary>
    public const string FallbackRegion = "us-east-1";

    /// <summary>
    /// Few SDK retries: the handler has its own deadline and answers CONTINUE on failure, so a
    /// long retry chain only risks the Lambda timeout.
    /// </summary>
    public const int MaxErrorRetry = 2;

    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(5);

    public static AmazonDynamoDBConfig CreateConfig(LambdaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonDynamoDBConfig { MaxErrorRetry = MaxErrorRetry, Timeout = RequestTimeout };
        if (settings.DynamoDbEndpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.AuthenticationRegion = settings.Region ?? FallbackRegion;
        }
        else if (settings.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    public static AmazonDynamoDBClient Create(LambdaSettings settings) => new(CreateConfig(settings));
}
