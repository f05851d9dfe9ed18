using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Table;

public sealed class DynamoDbConnectorTests(DynamoDbLocalFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_EnvironmentEndpoint_IsUsedWhenNoEndpointIsGiven()
    {
        var tableName = await CreateTableAsync();
        var connector = Connector(TestEnvironment.Isolated("/", new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = fixture.Endpoint.AbsoluteUri,
        }));

        await using var connection = await connector.ConnectAsync(new ConnectionOptions(null, null, ".tacomail"), Cancellation);

        connection.Endpoint.ShouldBe(fixture.Endpoint);
        connection.Description.ShouldBe($"DynamoDB at http://127.0.0.1:{fixture.Endpoint.Port}");
        connection.OwnsEmulator.ShouldBeFalse();
        (await connection.Client.DescribeTableAsync(tableName, Cancellation)).Table.TableName.ShouldBe(tableName);
    }

    [Fact]
    public async Task Connect_ExplicitEndpoint_WinsOverTheEnvironment()
    {
        var connector = Connector(TestEnvironment.Isolated("/", new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:1",
        }));

        await using var connection = await connector.ConnectAsync(
            new ConnectionOptions(fixture.Endpoint.AbsoluteUri, null, ".tacomail"), Cancellation);

        connection.Endpoint.ShouldBe(fixture.Endpoint);
        (await connection.Client.ListTablesAsync(new ListTablesRequest(), Cancellation)).HttpStatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Connect_LoopbackEndpoint_SignsInTheEnvironmentsRegionAsTheLambdaDoes()
    {
        var connector = Connector(TestEnvironment.Isolated("/", new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" }));

        await using var connection = await connector.ConnectAsync(
            new ConnectionOptions(fixture.Endpoint.AbsoluteUri, null, ".tacomail"), Cancellation);

        connection.Client.Config.AuthenticationRegion.ShouldBe("eu-west-1");
    }

    [Fact]
    public async Task Connect_NoEndpointAnywhere_UsesAwsInTheExplicitRegion()
    {
        var connector = Connector(TestEnvironment.Isolated("/", new Dictionary<string, string> { ["AWS_REGION"] = "us-west-2" }));

        await using var connection = await connector.ConnectAsync(new ConnectionOptions(null, "eu-west-1", ".tacomail"), Cancellation);

        connection.Description.ShouldBe("DynamoDB in eu-west-1");
        connection.Endpoint.ShouldBeNull();
        connection.OwnsEmulator.ShouldBeFalse();
    }

    [Fact]
    public async Task Connect_NoEndpointAndNoExplicitRegion_TakesTheRegionFromTheEnvironment()
    {
        var connector = Connector(TestEnvironment.Isolated("/", new Dictionary<string, string> { ["AWS_REGION"] = "ap-southeast-2" }));

        await using var connection = await connector.ConnectAsync(new ConnectionOptions(null, null, ".tacomail"), Cancellation);

        connection.Description.ShouldBe("DynamoDB in ap-southeast-2");
    }

    [Theory]
    [InlineData("localhost:8000")]
    [InlineData("ftp://127.0.0.1:8000")]
    [InlineData("not a url")]
    public async Task Connect_EndpointNeitherLocalNorHttpUrl_IsRefused(string endpoint)
    {
        var exception = await Should.ThrowAsync<DynamoDbConnectionException>(() =>
            Connector(TestEnvironment.Isolated("/")).ConnectAsync(new ConnectionOptions(endpoint, null, ".tacomail"), Cancellation));

        exception.Message.ShouldBe($"The DynamoDB endpoint must be 'local' or an http(s) URL, not '{endpoint}'.");
    }

    [Fact]
    public async Task ConnectLocal_StateDirectory_KeepsDataAcrossConnectionsAndStopsItsEmulator()
    {
        using var work = new TemporaryDirectory();
        var connector = Connector(TestEnvironment.Isolated(work.Path));
        var options = new ConnectionOptions("local", null, ".tacomail");
        var tableName = DynamoDbLocalFixture.NewTableName();

        Uri firstEndpoint;
        await using (var first = await connector.ConnectAsync(options, Cancellation))
        {
            first.OwnsEmulator.ShouldBeTrue();
            first.Description.ShouldBe($"DynamoDB Local at http://127.0.0.1:{first.Endpoint!.Port} (data in .tacomail/dynamodb)");
            firstEndpoint = first.Endpoint;
            await new TableInitializer().EnsureTableAsync(first.Client, tableName, Cancellation);
            await first.Client.PutItemAsync(tableName, Item("example.com", "shop"), Cancellation);
        }

        (await DynamoDbLocalProbe.IsAnsweringAsync(firstEndpoint, Cancellation)).ShouldBeFalse();
        await using var second = await connector.ConnectAsync(options, Cancellation);
        var read = await second.Client.GetItemAsync(tableName, Item("example.com", "shop"), Cancellation);
        read.Item.ShouldNotBeNull();
        read.Item[TableContract.SubDomain].S.ShouldBe("example.com");
        File.Exists(Path.Combine(work.Path, ".tacomail", "dynamodb-local.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task ConnectLocal_RecordedLiveInstance_IsReusedAndOutlivesTheConnection()
    {
        using var work = new TemporaryDirectory();
        var connector = Connector(TestEnvironment.Isolated(work.Path));
        var shared = await connector.StartSharedLocalAsync(".tacomail", port: null, Cancellation);
        var recordPath = Path.Combine(work.Path, ".tacomail", "dynamodb-local.json");
        try
        {
            shared.Description.ShouldBe($"DynamoDB Local at http://127.0.0.1:{shared.Endpoint.Port} (data in .tacomail/dynamodb)");
            shared.RecordPath.ShouldBe(recordPath);
            File.ReadAllText(recordPath).ShouldContain($"\"pid\": {shared.ProcessId}");

            await using (var connection = await connector.ConnectAsync(new ConnectionOptions("local", null, ".tacomail"), Cancellation))
            {
                connection.OwnsEmulator.ShouldBeFalse();
                connection.Endpoint.ShouldBe(shared.Endpoint);
                connection.Description.ShouldEndWith($", shared with pid {shared.ProcessId}");
            }

            (await DynamoDbLocalProbe.IsAnsweringAsync(shared.Endpoint, Cancellation)).ShouldBeTrue();
            var again = await Should.ThrowAsync<DynamoDbLocalException>(() => connector.StartSharedLocalAsync(".tacomail", null, Cancellation));
            again.Message.ShouldContain($"already running for .tacomail at {shared.Endpoint.GetLeftPart(UriPartial.Authority)} (pid {shared.ProcessId})");
        }
        finally
        {
            await shared.DisposeAsync();
        }

        TestProcesses.IsAlive(shared.ProcessId).ShouldBeFalse();
        File.Exists(recordPath).ShouldBeFalse();
        await shared.DisposeAsync();
    }

    private static DynamoDbConnector Connector(TestEnvironment environment) =>
        new(environment, new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(new Reconciler.Hosting.SystemEnvironment())));

    private async Task<string> CreateTableAsync()
    {
        var tableName = DynamoDbLocalFixture.NewTableName();
        await new TableInitializer().EnsureTableAsync(fixture.Client, tableName, Cancellation);
        return tableName;
    }

    private static Dictionary<string, AttributeValue> Item(string subDomain, string alias) => new()
    {
        [TableContract.SubDomain] = new AttributeValue { S = subDomain },
        [TableContract.AliasAddress] = new AttributeValue { S = alias },
    };
}
