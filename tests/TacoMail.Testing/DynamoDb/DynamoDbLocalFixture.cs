using Amazon.DynamoDBv2;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Schema.Table;
using Xunit;

namespace TacoMail.Testing.DynamoDb;

/// <summary>
/// One in-memory DynamoDB Local for the whole test run: starting the JVM costs a second or two,
/// so tests share it and keep apart by using their own table names. Register it with
/// <c>[assembly: AssemblyFixture(typeof(DynamoDbLocalFixture))]</c> in each test project that uses it.
/// </summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private DynamoDbLocalProcess? _process;
    private AmazonDynamoDBClient? _client;

    /// <summary>Where the real package is unpacked (the user cache, or <c>TACOMAIL_CACHE_DIR</c>).</summary>
    public string InstallationDirectory { get; private set; } = string.Empty;

    public Uri Endpoint => Process.Endpoint;

    public int ProcessId => Process.ProcessId;

    public IAmazonDynamoDB Client => _client ?? throw new InvalidOperationException("The fixture is not initialized.");

    private DynamoDbLocalProcess Process => _process ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>A table name no other test uses.</summary>
    public static string NewTableName(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}";

    public async ValueTask InitializeAsync()
    {
        var environment = new SystemEnvironment();
        var installer = new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(environment));
        var installation = await installer.EnsureInstalledAsync(CancellationToken.None);
        InstallationDirectory = installation.Directory;
        _process = await DynamoDbLocalProcess.StartAsync(
            installation, new DynamoDbLocalStartOptions(), environment, CancellationToken.None);
        _client = TableClientFactory.ForEmulator(_process.Endpoint);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
