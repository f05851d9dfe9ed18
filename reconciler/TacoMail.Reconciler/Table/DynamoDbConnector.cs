using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;

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
        _local = new DynamoDbLocalManager(environment, installer, CreateClient);
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
        return new DynamoDbConnection(CreateClient(endpoint, region), description, endpoint, ownedEmulator: null);
    }

    private DynamoDbConnection ConnectToAws(string? region)
    {
        region ??= EnvironmentRegion();
        try
        {
            var client = CreateClient(endpoint: null, region);
            var resolved = client.Config.RegionEndpoint?.SystemName ?? region;
            return new DynamoDbConnection(client, $"DynamoDB in {resolved}", endpoint: null, ownedEmulator: null);
        }
        catch (AmazonClientException exception)
        {
            throw new DynamoDbConnectionException(
                $"No AWS region for DynamoDB: pass --region or set AWS_REGION ({exception.Message}).", exception);
        }
    }

    /// <summary>
    /// A client that signs as the Lambda does (<see cref="TableClientFactory"/>): the region from
    /// the option, else <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>; the SDK's credential chain,
    /// else, for a loopback endpoint, the emulator's fixed credentials.
    /// </summary>
    internal AmazonDynamoDBClient CreateClient(Uri? endpoint, string? region) =>
        TableClientFactory.Create(TableClientFactory.CreateConfig(endpoint, region ?? EnvironmentRegion()), _environment.GetVariable);

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
