using Amazon.DynamoDBv2;
using TacoMail.Reconciler.Hosting;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// Gives a CLI run a DynamoDB Local on the data under a state directory: the instance announced
/// there by <c>tacomail dynamodb-local</c> when one is running, else a private one that lives as
/// long as the connection. Both keep the data on disk, so it survives between runs.
/// </summary>
internal sealed class DynamoDbLocalManager
{
    public const string DataDirectoryName = "dynamodb";

    private readonly IProcessEnvironment _environment;
    private readonly DynamoDbLocalInstaller _installer;
    private readonly Func<Uri, string?, AmazonDynamoDBClient> _createClient;

    /// <param name="environment">Where the state directory and its variables are read.</param>
    /// <param name="installer">Installs DynamoDB Local when it is missing.</param>
    /// <param name="createClient">Builds a client for an endpoint and region, signing as every other client of the run does.</param>
    public DynamoDbLocalManager(IProcessEnvironment environment, DynamoDbLocalInstaller installer, Func<Uri, string?, AmazonDynamoDBClient> createClient)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(installer);
        ArgumentNullException.ThrowIfNull(createClient);
        _environment = environment;
        _installer = installer;
        _createClient = createClient;
    }

    public async Task<DynamoDbConnection> ConnectAsync(string stateDirectory, string? region, CancellationToken cancellationToken)
    {
        var state = ResolveStateDirectory(stateDirectory);
        if (await new LocalInstanceRegistry(state).FindLiveAsync(cancellationToken) is { } running)
        {
            return new DynamoDbConnection(
                _createClient(running.Endpoint, region),
                $"{Describe(running.Endpoint, running.DataDirectory)}, shared with pid {running.ProcessId}",
                running.Endpoint,
                ownedEmulator: null);
        }

        var process = await StartAsync(state, port: null, cancellationToken);
        return new DynamoDbConnection(
            _createClient(process.Endpoint, region),
            Describe(process.Endpoint, process.DataDirectory!),
            process.Endpoint,
            process);
    }

    /// <exception cref="DynamoDbLocalException">An instance is already running for this state directory, or it cannot start.</exception>
    public async Task<SharedDynamoDbLocal> StartSharedAsync(string stateDirectory, int? port, CancellationToken cancellationToken)
    {
        var state = ResolveStateDirectory(stateDirectory);
        var registry = new LocalInstanceRegistry(state);
        if (await registry.FindLiveAsync(cancellationToken) is { } running)
        {
            throw new DynamoDbLocalException(
                $"DynamoDB Local is already running for {Display(state)} at {Display(running.Endpoint)} (pid {running.ProcessId}).");
        }

        var process = await StartAsync(state, port, cancellationToken);
        try
        {
            await registry.WriteAsync(
                new LocalInstanceRecord(process.ProcessId, process.Endpoint, process.DataDirectory!), cancellationToken);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new SharedDynamoDbLocal(process, registry, Describe(process.Endpoint, process.DataDirectory!));
    }

    private async Task<DynamoDbLocalProcess> StartAsync(string state, int? port, CancellationToken cancellationToken)
    {
        var installation = await _installer.EnsureInstalledAsync(cancellationToken);
        var options = new DynamoDbLocalStartOptions(Path.Combine(state, DataDirectoryName), port);
        return await DynamoDbLocalProcess.StartAsync(installation, options, _environment, cancellationToken);
    }

    private string ResolveStateDirectory(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        return Path.GetFullPath(stateDirectory, _environment.CurrentDirectory);
    }

    private string Describe(Uri endpoint, string dataDirectory) =>
        $"DynamoDB Local at {Display(endpoint)} (data in {Display(dataDirectory)})";

    private string Display(string path)
    {
        var relative = Path.GetRelativePath(_environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private static string Display(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority);
}
