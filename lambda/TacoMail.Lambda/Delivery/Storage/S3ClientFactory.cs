using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using TacoMail.Lambda.Hosting;

namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>
/// Builds the S3 client like <see cref="Configuration.DynamoDbClientFactory"/> builds DynamoDB's:
/// region and endpoint passed explicitly (<c>AWS_ENDPOINT_URL_S3</c>, else <c>AWS_ENDPOINT_URL</c>),
/// so tests point it at a loopback S3 server. An endpoint override implies path-style addressing,
/// which local S3 servers need. Checksums are computed only where S3 requires them: the function
/// uploads nothing but tag sets, and emulators do not all understand trailing checksums.
/// </summary>
internal static class S3ClientFactory
{
    public const string EndpointVariable = "AWS_ENDPOINT_URL_S3";
    public const string GlobalEndpointVariable = "AWS_ENDPOINT_URL";
    public const string FallbackRegion = "us-east-1";

    public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <exception cref="InvalidOperationException">The endpoint variable is not an http(s) URL.</exception>
    public static AmazonS3Config CreateConfig(IEnvironmentVariables environment, string? region)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var config = new AmazonS3Config
        {
            Timeout = RequestTimeout,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (Endpoint(environment) is { } endpoint)
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? FallbackRegion;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }

    /// <exception cref="InvalidOperationException">The endpoint variable is not an http(s) URL.</exception>
    public static AmazonS3Client Create(IEnvironmentVariables environment, string? region) =>
        new(CreateConfig(environment, region));

    private static Uri? Endpoint(IEnvironmentVariables environment)
    {
        var name = string.IsNullOrWhiteSpace(environment.Get(EndpointVariable)) ? GlobalEndpointVariable : EndpointVariable;
        var text = environment.Get(name)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{name} is not an absolute http(s) URL: '{text}'.");
    }
}
