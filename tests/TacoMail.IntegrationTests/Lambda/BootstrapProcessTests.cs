using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.Lambda;

namespace TacoMail.IntegrationTests.Lambda;

/// <summary>
/// The real disposition handler in the real process — the Native AOT bootstrap and the JIT build —
/// answering through the loopback Runtime API with DynamoDB Local behind it.
/// </summary>
public sealed class BootstrapProcessTests(DynamoDbLocalFixture dynamo) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _table = DynamoDbLocalFixture.NewTableName("bootstrap");
    private readonly RuntimeApiEmulator _emulator = RuntimeApiEmulator.Start();
    private Process? _process;

    public async ValueTask InitializeAsync()
    {
        await new TableInitializer().EnsureTableAsync(dynamo.Client, _table, TestContext.Current.CancellationToken);
        foreach (var (local, state) in new[] { ("shop", AliasState.Active), ("gone", AliasState.Disabled) })
        {
            var record = new AliasRecord(new ItemKey("example.com", local), "me@gmail.com", state, $"id-{local}", 1_700_000_000, 1_700_000_000, 5);
            await dynamo.Client.PutItemAsync(_table, AliasItemCodec.Encode(record), TestContext.Current.CancellationToken);
        }

        // The settings item tacomail apply writes: the bounce sender comes from it, not from the environment.
        var settings = new RoutingSettings("mailer-daemon@example.com", null, SubAddressSeparators.Default, MessagePolicy.Default);
        await dynamo.Client.PutItemAsync(
            _table, SettingsItemCodec.Encode(new DeclaredSettings(settings, SafetyThresholds.Default)), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AotBootstrap_Disposition_AnswersThroughTheRuntimeApiAndCountsTheMail() =>
        await DeliversAndCountsAsync(await AotBootstrap.LocateAsync());

    [Fact]
    public Task JitBuild_Disposition_AnswersThroughTheRuntimeApiAndCountsTheMail() =>
        DeliversAndCountsAsync(bootstrap: null);

    [Fact]
    public async Task AotBootstrap_SesAnswers500_ContinuesSoTheMailIsStoredNotLost()
    {
        using var ses = new HttpListener();
        var sesEndpoint = $"http://127.0.0.1:{FreePort()}/";
        ses.Prefixes.Add(sesEndpoint);
        ses.Start();
        var answered = AnswerWithServerErrorAsync(ses);
        _emulator.Enqueue(EmulatedEvent.Text("bounce-fails", SesTestEvent.Create(["gone@example.com"])));

        _process = LambdaProcess.Start(await AotBootstrap.LocateAsync(), Environment(sesEndpoint));

        (await _emulator.WaitForOutcomeAsync("bounce-fails", Timeout)).BodyText.ShouldBe("""{"disposition":"CONTINUE"}""");
        var request = await answered.WaitAsync(Timeout, TestContext.Current.CancellationToken);
        request.ShouldContain("Action=SendBounce");
    }

    private static async Task<string> AnswerWithServerErrorAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = 500;
        var error = Encoding.UTF8.GetBytes("<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>boom</Message></Error></ErrorResponse>");
        await context.Response.OutputStream.WriteAsync(error);
        context.Response.Close();
        return body;
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Dictionary<string, string> Environment(string sesEndpoint = "http://127.0.0.1:9/") => new()
    {
        ["AWS_LAMBDA_RUNTIME_API"] = _emulator.Address,
        ["_HANDLER"] = "disposition",
        ["TACOMAIL_TABLE"] = _table,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Endpoint.ToString(),
        ["AWS_ENDPOINT_URL_SES"] = sesEndpoint,
        ["AWS_ACCESS_KEY_ID"] = "tacomaillocal",
        ["AWS_SECRET_ACCESS_KEY"] = "tacomaillocal",
    };

    private async Task DeliversAndCountsAsync(string? bootstrap)
    {
        _emulator.Enqueue(EmulatedEvent.Text("deliver", SesTestEvent.Create(["Shop+news@example.com"])));
        _emulator.Enqueue(EmulatedEvent.Text("bounce-suppressed", SesTestEvent.Create(["gone@example.com"], authenticated: false)));

        _process = LambdaProcess.Start(bootstrap, Environment());

        (await _emulator.WaitForOutcomeAsync("deliver", Timeout)).BodyText.ShouldBe("""{"disposition":"CONTINUE"}""");
        (await _emulator.WaitForOutcomeAsync("bounce-suppressed", Timeout)).BodyText.ShouldBe("""{"disposition":"STOP_RULE"}""");
        var shop = await dynamo.Client.GetItemAsync(
            new GetItemRequest { TableName = _table, Key = ItemKeyCodec.Encode(new ItemKey("example.com", "shop")), ConsistentRead = true },
            TestContext.Current.CancellationToken);
        shop.Item["use_count"].N.ShouldBe("6");
    }
}
