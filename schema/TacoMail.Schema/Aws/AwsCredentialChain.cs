using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace TacoMail.Schema.Aws;

/// <summary>
/// How both sides find credentials, so that the CLI and the Lambda sign alike. That matters on
/// DynamoDB Local started without <c>-sharedDb</c> (the usual way), which keeps one database per
/// access key and region: two sides that sign differently read and write different tables.
/// The order is the SDK's default chain: access keys in the environment first, then profiles, SSO,
/// container and instance roles.
/// </summary>
public static class AwsCredentialChain
{
    /// <summary>Finds credentials the way the SDK's default chain does, or null when it finds none.</summary>
    public static AWSCredentials? FromSdkChain(IClientConfig config)
    {
        using var resolver = new DefaultAWSCredentialsIdentityResolver();
        try
        {
            return resolver.ResolveIdentity(config);
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    /// <summary>
    /// Credentials for <paramref name="config"/>: access keys from <paramref name="variable"/>
    /// (the host's view of the environment, so tests need not touch the process), else
    /// <paramref name="chain"/>; null when neither has any.
    /// </summary>
    public static AWSCredentials? Find(IClientConfig config, Func<string, string?> variable, Func<IClientConfig, AWSCredentials?> chain)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(chain);
        if (NonBlank(variable("AWS_ACCESS_KEY_ID")) is { } accessKey && NonBlank(variable("AWS_SECRET_ACCESS_KEY")) is { } secretKey)
        {
            return NonBlank(variable("AWS_SESSION_TOKEN")) is { } token
                ? new SessionAWSCredentials(accessKey, secretKey, token)
                : new BasicAWSCredentials(accessKey, secretKey);
        }

        return chain(config);
    }

    /// <summary>Whether an endpoint URL names this machine (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var endpoint) && IsLoopback(endpoint);

    /// <inheritdoc cref="IsLoopback(string?)"/>
    public static bool IsLoopback(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsLoopback
            || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
