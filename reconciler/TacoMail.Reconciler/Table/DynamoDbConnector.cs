using Amazon.Runtime;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Table;

/// <summary>
/// Turns <c>--endpoint</c>/<c>--region</c> into a working DynamoDB client: the managed DynamoDB
/// Local, an explicit URL, the SDK's <c>AWS_ENDPOINT_URL_DYNAMODB</c>, or AWS itself. One place
/// decides this so that every command resolves endpoints, credentials and regions the same way.
/// </summary>
internal sealed class DynamoDbConnector
{
    private readonly IProcessEnvironment _environment;
    private readonly DynamoDbLocalManager _local;

    public DynamoDbConnector(IProcessEnvironment environment)
        : this(environment, new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(environment)))
    {
    }

    internal DynamoDbConnector(IProcessEnvironment environment, DynamoDbLocalInstaller installer)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
        _local = new DynamoDbLocalManager(environment, installer);
    }

    /// <exception cref="DynamoDbConnectionException">The endpoint is invalid, no region is known, or DynamoDB Local cannot start.</exception>
    public async Task<DynamoDbConnection> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);

        var endpoint = string.IsNullOrWhiteSpace(options.Endpoint) ? _environment.GetVariable(EnvironmentVariableNames.DynamoDbEndpoint) : options.Endpoint;
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return ConnectToAws(options.Region);
        }

        if (string.Equals(endpoint.Trim(), ConnectionOptions.LocalEndpoint, StringComparison.OrdinalIgnoreCase))
        {
            return await _local.ConnectAsync(options.StateDirectory, options.Region, cancellationToken);
        }

        return ConnectToUrl(ParseEndpoint(endpoint), options.Region);
    }

    /// <summary>
    /// For the long-running <c>tacomail dynamodb-local</c>: starts an emulator on the data under
    /// <paramref name="stateDirectory"/> and announces it there for other runs until disposed.
    /// </summary>
    /// <exception cref="DynamoDbLocalException">One is already running for this directory, or it cannot start.</exception>
    public Task<SharedDynamoDbLocal> StartSharedLocalAsync(string stateDirectory, int? port, CancellationToken cancellationToken) =>
        _local.StartSharedAsync(stateDirectory, port, cancellationToken);

    private DynamoDbConnection ConnectToUrl(Uri endpoint, string? region)
    {
        var description = $"DynamoDB at {endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}";
        var client = DynamoDbClientFactory.IsLoopback(endpoint)
            ? DynamoDbClientFactory.ForLocal(endpoint, region)
            : DynamoDbClientFactory.ForRemoteEndpoint(endpoint, region ?? EnvironmentRegion() ?? DynamoDbClientFactory.LocalRegion);
        return new DynamoDbConnection(client, description, endpoint, ownedEmulator: null);
    }

    private DynamoDbConnection ConnectToAws(string? region)
    {
        region ??= EnvironmentRegion();
        try
        {
            var client = DynamoDbClientFactory.ForAws(region);
            var resolved = client.Config.RegionEndpoint?.SystemName ?? region;
            return new DynamoDbConnection(client, $"DynamoDB in {resolved}", endpoint: null, ownedEmulator: null);
        }
        catch (AmazonClientException exception)
        {
            throw new DynamoDbConnectionException(
                $"No AWS region for DynamoDB: pass --region or set AWS_REGION ({exception.Message}).", exception);
        }
    }

    private string? EnvironmentRegion()
    {
        var region = _environment.GetVariable(EnvironmentVariableNames.Region);
        if (string.IsNullOrWhiteSpace(region))
        {
            region = _environment.GetVariable(EnvironmentVariableNames.DefaultRegion);
        }

        return string.IsNullOrWhiteSpace(region) ? null : region.Trim();
    }

    private static Uri ParseEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new DynamoDbConnectionException(
                $"The DynamoDB endpoint must be '{ConnectionOptions.LocalEndpoint}' or an http(s) URL, not '{endpoint}'.");
}
