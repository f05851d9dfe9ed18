using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TacoMail.Schema.Aws;

namespace TacoMail.Schema.Table;

/// <summary>
/// Builds the table's DynamoDB client for the CLI and the Lambda alike: the same region rule and
/// the same credentials (<see cref="AwsCredentialChain"/>), so both sides always see one database.
/// Only for a loopback endpoint, where DynamoDB Local accepts any key, fixed
/// <see cref="EmulatorAccessKey"/> credentials stand in when the chain finds none.
/// </summary>
public static class TableClientFactory
{
    /// <summary>The access key and secret for an emulator when nothing else is configured (DynamoDB Local 2.x accepts letters and digits only).</summary>
    public const string EmulatorAccessKey = "tacomaillocal";

    /// <summary>The signing region for an endpoint override when none is configured (emulators accept any).</summary>
    public const string FallbackRegion = "us-east-1";

    /// <summary>
    /// A config for <paramref name="endpoint"/> (null: AWS itself) in <paramref name="region"/>
    /// (null: <see cref="FallbackRegion"/> for an endpoint, the SDK's region chain for AWS). The
    /// endpoint is the only one used: none from the process environment or a profile applies.
    /// </summary>
    public static AmazonDynamoDBConfig CreateConfig(Uri? endpoint, string? region)
    {
        var config = new AmazonDynamoDBConfig { IgnoreConfiguredEndpointUrls = true };
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(region) ? FallbackRegion : region;
        }
        else if (!string.IsNullOrWhiteSpace(region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    /// <summary>A client for <paramref name="config"/> with credentials found by <see cref="AwsCredentialChain.Find"/>, else the emulator's for a loopback endpoint.</summary>
    /// <exception cref="AmazonClientException">No credentials were found for an endpoint that is not loopback, or no region for AWS.</exception>
    public static AmazonDynamoDBClient Create(AmazonDynamoDBConfig config, Func<string, string?> variable) =>
        Create(config, variable, AwsCredentialChain.FromSdkChain);

    /// <inheritdoc cref="Create(AmazonDynamoDBConfig, Func{string, string?})"/>
    public static AmazonDynamoDBClient Create(AmazonDynamoDBConfig config, Func<string, string?> variable, Func<IClientConfig, AWSCredentials?> chain)
    {
        ArgumentNullException.ThrowIfNull(config);
        var credentials = AwsCredentialChain.Find(config, variable, chain)
            ?? (AwsCredentialChain.IsLoopback(config.ServiceURL) ? EmulatorCredentials() : null);
        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }

    /// <summary>
    /// A client for an emulator at <paramref name="endpoint"/> with its fixed credentials, for
    /// readiness probes and tests that never look for real ones.
    /// </summary>
    public static AmazonDynamoDBClient ForEmulator(Uri endpoint, Action<AmazonDynamoDBConfig>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var config = CreateConfig(endpoint, region: null);
        configure?.Invoke(config);
        return new AmazonDynamoDBClient(EmulatorCredentials(), config);
    }

    private static BasicAWSCredentials EmulatorCredentials() => new(EmulatorAccessKey, EmulatorAccessKey);
}
