using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TacoMail.IntegrationTests.Cli;
using TacoMail.IntegrationTests.Lambda;
using TacoMail.Reconciler.Cli;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.Lambda;

namespace TacoMail.IntegrationTests.Table.Local;

/// <summary>
/// DynamoDB Local as most people start it, without <c>-sharedDb</c>: one database per access key
/// and region. A table the CLI applies must be the table the Lambda and any other SDK client with
/// the same credentials read, because every side finds credentials the same way.
/// </summary>
public sealed class UnsharedDatabaseTests(DynamoDbLocalFixture fixture) : IAsyncLifetime
{
    private const string Region = "us-east-1";

    private readonly TemporaryDirectory _directory = new();
    private DynamoDbLocalProcess? _emulator;

    private Uri Endpoint => (_emulator ?? throw new InvalidOperationException("Not initialized.")).Endpoint;

    public async ValueTask InitializeAsync()
    {
        var installation = new DynamoDbLocalInstallation(fixture.InstallationDirectory);
        _emulator = await DynamoDbLocalProcess.StartAsync(
            installation, new DynamoDbLocalStartOptions { SharedDatabase = false }, new SystemEnvironment(), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task KeysInTheEnvironment_TheCliTheLambdaAndTheSdkShareOneDatabase()
    {
        var keys = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "alice", ["AWS_SECRET_ACCESS_KEY"] = "alicesecret" };
        using var config = new ConfigDirectory(DynamoDbLocalFixture.NewTableName("unshared"));

        var environment = new TestEnvironment(keys);
        var init = await CliRunner.RunAsync(environment, "init", "--config", config.Path, "--endpoint", Endpoint.AbsoluteUri);
        init.ExitCode.ShouldBe(ExitCodes.Ok, init.Output);
        var apply = await CliRunner.RunAsync(environment, "apply", "--config", config.Path, "--endpoint", Endpoint.AbsoluteUri);
        apply.ExitCode.ShouldBe(ExitCodes.Ok, apply.Output);
        var (exitCode, output, error) = await InvokeDispositionAsync(config.TableName, keys);

        exitCode.ShouldBe(0, error);
        output.ShouldContain("CONTINUE");
        using var sameKeys = Client(new BasicAWSCredentials("alice", "alicesecret"));
        (await UseCountAsync(sameKeys, config.TableName, "shop")).ShouldBe(1);
        using var otherKeys = Client(new BasicAWSCredentials("bob", "bobsecret"));
        await Should.ThrowAsync<ResourceNotFoundException>(() => UseCountAsync(otherKeys, config.TableName, "shop"));
    }

    [Fact]
    public async Task NoCredentialsAnywhere_TheLambdaFallsBackToTheEmulatorKeysTheCliUses()
    {
        using var config = new ConfigDirectory(DynamoDbLocalFixture.NewTableName("fallback"));
        using var emulatorKeys = TableClientFactory.ForEmulator(Endpoint);
        await new TableInitializer().EnsureTableAsync(emulatorKeys, config.TableName, TestContext.Current.CancellationToken);
        await emulatorKeys.PutItemAsync(config.TableName, AliasItemCodec.Encode(Alias("shop")), TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await InvokeDispositionAsync(config.TableName, new Dictionary<string, string>());

        exitCode.ShouldBe(0, error);
        output.ShouldContain("CONTINUE");
        (await UseCountAsync(emulatorKeys, config.TableName, "shop")).ShouldBe(1);
    }

    private static AliasRecord Alias(string local) =>
        new(new ItemKey("example.com", local), "me@gmail.com", Schema.Model.AliasState.Active, Guid.NewGuid().ToString(), 1_700_000_000, 1_700_000_000, 0);

    private AmazonDynamoDBClient Client(AWSCredentials credentials) =>
        new(credentials, TableClientFactory.CreateConfig(Endpoint, Region));

    private static async Task<long> UseCountAsync(AmazonDynamoDBClient client, string table, string local)
    {
        var item = await client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = ItemKeyCodec.Encode(new ItemKey("example.com", local)),
            ConsistentRead = true,
        }, TestContext.Current.CancellationToken);
        return long.Parse(item.Item[TableContract.UseCount].N, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The built Lambda as a process configured only by <paramref name="credentials"/> and the
    /// table's endpoint; no profile, credentials file or instance role can be found.
    /// </summary>
    private async Task<(int ExitCode, string Output, string Error)> InvokeDispositionAsync(string table, IReadOnlyDictionary<string, string> credentials)
    {
        var eventFile = Path.Combine(_directory.Path, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(eventFile, SesTestEvent.Create(["shop@example.com"]), TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string>(credentials)
        {
            ["HOME"] = _directory.Path,
            ["AWS_CONFIG_FILE"] = Path.Combine(_directory.Path, "no-config"),
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_directory.Path, "no-credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_REGION"] = Region,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = Endpoint.AbsoluteUri,
            ["AWS_ENDPOINT_URL_SES"] = "http://127.0.0.1:9/",
            ["TACOMAIL_TABLE"] = table,
        };
        return await LambdaProcess.RunAsync(
            environment, ["invoke", "--handler", "disposition", "--event", eventFile], clearAws: true, TestContext.Current.CancellationToken);
    }
}
