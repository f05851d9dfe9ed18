using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Runtime;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.Lambda;
using LambdaClientFactory = TacoMail.Lambda.Configuration.DynamoDbClientFactory;

namespace TacoMail.IntegrationTests.Lambda;

/// <summary>The disposition handler against DynamoDB Local: real BatchGetItem, projection, conditional ADD.</summary>
public sealed class DispositionLocalTests(DynamoDbLocalFixture fixture) : IAsyncLifetime
{
    private const string Continue = """{"disposition":"CONTINUE"}""";
    private const string Stop = """{"disposition":"STOP_RULE"}""";
    private const long InitialUseCount = 7;

    private readonly string _table = DynamoDbLocalFixture.NewTableName("disposition");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingBounceSender _ses = new();
    private readonly CapturingLogSink _log = new();
    private AmazonDynamoDBClient? _client;

    private AmazonDynamoDBClient Client => _client ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        _client = ClientFor(fixture.Endpoint);
        await new TableInitializer().EnsureTableAsync(Client, _table, TestContext.Current.CancellationToken);
        var declared = new RoutingSettings("mailer-daemon@example.com", "mailer-daemon@example.com", SubAddressSeparators.Default, MessagePolicy.Default);
        await Client.PutItemAsync(
            _table, SettingsItemCodec.Encode(new DeclaredSettings(declared, SafetyThresholds.Default)), TestContext.Current.CancellationToken);
        foreach (var (address, state) in new[]
        {
            ("shop@example.com", AliasState.Active),
            ("quiet@example.com", AliasState.Paused),
            ("old@example.com", AliasState.Disabled),
        })
        {
            await Client.PutItemAsync(_table, AliasItemCodec.Encode(Alias(address, state)), TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Invoke_FullEventWithEveryKindOfRecipient_RoutesBouncesAndCounts()
    {
        string[] recipients =
            ["shop@example.com", "Shop+Promo@Example.COM", "QUIET@example.com", "old@example.com", "nobody@example.com"];

        var response = await InvokeAsync(Client, SesTestEvent.Create(recipients), TimeSpan.FromSeconds(20));

        response.ShouldBe(Continue);
        var bounce = _ses.Requests.ShouldHaveSingleItem();
        bounce.OriginalMessageId.ShouldBe(SesTestEvent.MessageId);
        bounce.BounceSender.ShouldBe("mailer-daemon@example.com");
        bounce.Recipients.ShouldBe(["old@example.com", "nobody@example.com"]);
        (await UseCountAsync("shop@example.com")).ShouldBe(InitialUseCount + 1);
        (await UseCountAsync("quiet@example.com")).ShouldBe(InitialUseCount + 1);
        // A disabled alias that still receives mail counts: the one rule, UseCountIncrementer.CountsAsUse.
        (await UseCountAsync("old@example.com")).ShouldBe(InitialUseCount + 1);
        (await ItemAsync("nobody@example.com")).ShouldBeNull();
        var outcomes = _log.SingleEntry.GetProperty("recipients").EnumerateArray()
            .Select(r => r.GetProperty("outcome").GetString()).ToList();
        outcomes.ShouldBe(["deliver", "deliver", "drop", "bounce", "bounce"]);
    }

    [Fact]
    public async Task Invoke_NothingToDeliverFromForgedSender_StopsWithoutBouncing()
    {
        var response = await InvokeAsync(
            Client, SesTestEvent.Create(["quiet@example.com", "old@example.com", "nobody@example.com"], authenticated: false), TimeSpan.FromSeconds(20));

        response.ShouldBe(Stop);
        _ses.Requests.ShouldBeEmpty();
        (await UseCountAsync("quiet@example.com")).ShouldBe(InitialUseCount + 1);
        (await ItemAsync("nobody@example.com")).ShouldBeNull();
        _log.SingleEntry.GetProperty("bounce").GetProperty("reason").GetString().ShouldBe("bounce suppressed: sender not authenticated");
    }

    [Fact]
    public async Task Invoke_LegacyShapedItemWithoutUseCount_IsReadAndCountStarts()
    {
        var item = AliasItemCodec.Encode(Alias("legacy@example.com", AliasState.Active));
        item[TableContract.ActiveAlias] = new AttributeValue { S = "true" };
        item.Remove(TableContract.UseCount);
        item.Remove(TableContract.Application);
        await Client.PutItemAsync(_table, item, TestContext.Current.CancellationToken);

        (await InvokeAsync(Client, SesTestEvent.Create(["legacy@example.com"]), TimeSpan.FromSeconds(20))).ShouldBe(Continue);

        (await UseCountAsync("legacy@example.com")).ShouldBe(1);
    }

    [Fact]
    public async Task Invoke_DeliveredDroppedAndBounced_SetsLastUsedToTheClocksUnixSeconds()
    {
        (await ItemAsync("shop@example.com")).ShouldNotBeNull().ShouldNotContainKey(TableContract.LastUsedDatetime);

        await InvokeAsync(Client, SesTestEvent.Create(["shop@example.com", "quiet@example.com", "old@example.com"]), TimeSpan.FromSeconds(20));

        var now = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        (await ItemAsync("shop@example.com")).ShouldNotBeNull()[TableContract.LastUsedDatetime].N.ShouldBe(now);
        (await ItemAsync("quiet@example.com")).ShouldNotBeNull()[TableContract.LastUsedDatetime].N.ShouldBe(now);
        (await ItemAsync("old@example.com")).ShouldNotBeNull()[TableContract.LastUsedDatetime].N.ShouldBe(now);
        var decoded = AliasItemCodec.Decode((await ItemAsync("shop@example.com")).ShouldNotBeNull()).Record.ShouldNotBeNull();
        decoded.LastUsedDatetime.ShouldBe(_clock.GetUtcNow().ToUnixTimeSeconds());
        decoded.UseCount.ShouldBe(InitialUseCount + 1);
    }

    [Fact]
    public async Task Invoke_UnreadableItem_ContinuesWithoutBounce()
    {
        var item = AliasItemCodec.Encode(Alias("broken@example.com", AliasState.Disabled));
        item.Remove(TableContract.Identifier);
        await Client.PutItemAsync(_table, item, TestContext.Current.CancellationToken);

        (await InvokeAsync(Client, SesTestEvent.Create(["broken@example.com"]), TimeSpan.FromSeconds(20))).ShouldBe(Continue);

        _ses.Requests.ShouldBeEmpty();
        _log.SingleEntry.GetProperty("errors")[0].GetString()!.ShouldContain("attribute 'identifier' is missing");
    }

    [Fact]
    public async Task Invoke_DynamoDbUnreachable_ContinuesWithoutWaitingForTheDeadline()
    {
        using var unreachable = ClientFor(new Uri($"http://127.0.0.1:{LoopbackPort.Free()}"));

        // The fake clock stands still, so the deadline never comes: the lookup gives up by itself.
        var response = await InvokeAsync(unreachable, SesTestEvent.Create(["old@example.com"]), TimeSpan.FromSeconds(10));

        response.ShouldBe(Continue);
        _ses.Requests.ShouldBeEmpty();
        _log.SingleEntry.GetProperty("errors")[0].GetString()!.ShouldStartWith("lookup failed: ");
    }

    [Fact]
    public async Task Invoke_DeadlineCloserThanDynamoDbAnswers_ContinuesBeforeTheDeadline()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var blackHole = ClientFor(new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"));

        var invocation = InvokeAsync(blackHole, SesTestEvent.Create(["old@example.com"]), TimeSpan.FromSeconds(2));
        using var lookup = await silent.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
        invocation.IsCompleted.ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(2) - InvocationDeadline.ResponseReserve);

        (await invocation).ShouldBe(Continue);
        _ses.Requests.ShouldBeEmpty();
        _log.SingleEntry.GetProperty("errors")[0].GetString()!.ShouldStartWith("lookup failed: ");
    }

    private static AmazonDynamoDBClient ClientFor(Uri endpoint)
    {
        var settings = new LambdaSettings { TableName = "unused", DynamoDbEndpoint = endpoint };
        var credentials = new BasicAWSCredentials(TableClientFactory.EmulatorAccessKey, TableClientFactory.EmulatorAccessKey);
        return new AmazonDynamoDBClient(credentials, LambdaClientFactory.CreateConfig(settings));
    }


    private static AliasRecord Alias(string address, AliasState state)
    {
        var at = address.LastIndexOf('@');
        return new AliasRecord(
            new ItemKey(address[(at + 1)..], address[..at]),
            "owner@destination.test",
            state,
            Guid.NewGuid().ToString(),
            1_700_000_000,
            1_700_000_000,
            InitialUseCount);
    }

    private async Task<string> InvokeAsync(IAmazonDynamoDB client, string json, TimeSpan timeLeft)
    {
        var settings = new LambdaSettings { TableName = _table };
        var handler = DispositionFunction.Create(settings, client, _ses, _clock, _log);
        using var request = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var context = new InvocationContext("it-request", _clock.GetUtcNow() + timeLeft, FunctionArn: null);
        await using var response = await handler(request, context, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(response);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    private async Task<Dictionary<string, AttributeValue>?> ItemAsync(string address)
    {
        var at = address.LastIndexOf('@');
        var response = await Client.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = ItemKeyCodec.Encode(new ItemKey(address[(at + 1)..], address[..at])),
            ConsistentRead = true,
        }, TestContext.Current.CancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    private async Task<long> UseCountAsync(string address)
    {
        var item = (await ItemAsync(address)).ShouldNotBeNull();
        return long.Parse(item[TableContract.UseCount].N, CultureInfo.InvariantCulture);
    }
}
