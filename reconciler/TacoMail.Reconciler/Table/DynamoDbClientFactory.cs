using System.Net;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace TacoMail.Reconciler.Table;

/// <summary>
/// Builds SDK clients for the three kinds of endpoint. Emulators accept any credentials, so local
/// endpoints get fixed dummy ones: a developer without AWS credentials can still work locally,
/// and a developer with them never sends them to a loopback port.
/// </summary>
internal static class DynamoDbClientFactory
{
    public const string LocalRegion = "us-east-1";
    /// <summary>DynamoDB Local 2.x rejects access keys with anything but letters and digits.</summary>
    public const string LocalCredential = "tacomaillocal";

    public static AmazonDynamoDBClient ForLocal(Uri endpoint, string? region) =>
        new(new BasicAWSCredentials(LocalCredential, LocalCredential), LocalConfig(endpoint, region));

    /// <summary>A client that fails fast, for asking whether an emulator is up yet.</summary>
    public static AmazonDynamoDBClient ForProbe(Uri endpoint)
    {
        var config = LocalConfig(endpoint, region: null);
        config.MaxErrorRetry = 0;
        config.Timeout = TimeSpan.FromSeconds(2);
        return new AmazonDynamoDBClient(new BasicAWSCredentials(LocalCredential, LocalCredential), config);
    }

    /// <summary>A non-loopback endpoint URL: real credentials, since it may be a proxy in front of AWS.</summary>
    public static AmazonDynamoDBClient ForRemoteEndpoint(Uri endpoint, string region) =>
        new(new AmazonDynamoDBConfig { ServiceURL = endpoint.AbsoluteUri, AuthenticationRegion = region });

    /// <summary>AWS itself, with the SDK's default credential chain.</summary>
    public static AmazonDynamoDBClient ForAws(string? region) =>
        region is null
            ? new AmazonDynamoDBClient()
            : new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(region));

    public static bool IsLoopback(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsLoopback
            || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static AmazonDynamoDBConfig LocalConfig(Uri endpoint, string? region) => new()
    {
        ServiceURL = endpoint.AbsoluteUri,
        AuthenticationRegion = region ?? LocalRegion,
    };
}
