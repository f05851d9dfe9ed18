using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using TacoMail.Reconciler.Hosting;
using TacoMail.Schema.Aws;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// Turns <c>--endpoint-s3</c>/<c>--region</c> and the environment into an S3 client for the mail
/// bucket: a custom endpoint (<c>AWS_ENDPOINT_URL_S3</c>, path-style, as S3-compatible servers
/// need) or AWS itself, with credentials from the environment or else the SDK's chain. Resolving
/// credentials up front turns "no credentials" into one clear message instead of a failure per request.
/// </summary>
internal sealed class S3MailboxConnector
{
    /// <summary>The signing region for a custom endpoint when none is given.</summary>
    public const string DefaultRegion = "us-east-1";

    private readonly IProcessEnvironment _environment;
    private readonly Func<IClientConfig, AWSCredentials?> _credentialChain;

    public S3MailboxConnector(IProcessEnvironment environment)
        : this(environment, AwsCredentialChain.FromSdkChain)
    {
    }

    /// <param name="environment">Where variables are read (the process environment in production).</param>
    /// <param name="credentialChain">Finds credentials when the environment holds no access key; null when there are none.</param>
    internal S3MailboxConnector(IProcessEnvironment environment, Func<IClientConfig, AWSCredentials?> credentialChain)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(credentialChain);
        _environment = environment;
        _credentialChain = credentialChain;
    }

    /// <exception cref="TacoMailException">The endpoint is not a URL, or no region or credentials are found.</exception>
    public S3MailboxStore Connect(string bucket, string? endpointOption, string? regionOption)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        var endpoint = ResolveEndpoint(endpointOption);
        var region = FirstNonBlank(regionOption, _environment.GetVariable(EnvironmentVariableNames.Region), _environment.GetVariable(EnvironmentVariableNames.DefaultRegion));

        // The endpoint was resolved above from the options and this environment; the SDK must not
        // apply another one from the process environment or a profile.
        var config = new AmazonS3Config { IgnoreConfiguredEndpointUrls = true };
        string description;
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? DefaultRegion;
            description = $"s3://{bucket} at {endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}";
        }
        else
        {
            config.RegionEndpoint = region is not null
                ? RegionEndpoint.GetBySystemName(region)
                : FallbackRegionFactory.GetRegionEndpoint()
                    ?? throw new TacoMailException("no AWS region for S3: pass --region or set AWS_REGION (the region of the mail bucket)");
            description = $"s3://{bucket} in {config.RegionEndpoint.SystemName}";
        }

        return new S3MailboxStore(new AmazonS3Client(ResolveCredentials(config), config), bucket, description);
    }

    private Uri? ResolveEndpoint(string? option)
    {
        var text = FirstNonBlank(option, _environment.GetVariable(EnvironmentVariableNames.S3Endpoint));
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new TacoMailException($"the S3 endpoint (--endpoint-s3 or {EnvironmentVariableNames.S3Endpoint}) must be an http(s) URL, not '{text}'");
    }

    private AWSCredentials ResolveCredentials(IClientConfig config) =>
        AwsCredentialChain.Find(config, _environment.GetVariable, _credentialChain) ?? throw new TacoMailException(
            "no AWS credentials for S3: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run where an IAM role provides them");

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
