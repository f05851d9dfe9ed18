using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>
/// What the nightly run does, through the real CLI against DynamoDB Local with a fake clock: an
/// alias past its <c>expires</c> is disabled by <c>apply --only-due</c> without a change to the
/// YAML, and <c>drift</c> reports the hand edits — and only those — until an apply restores them.
/// </summary>
public sealed class ExpiryAndDriftTests(DynamoDbLocalFixture dynamo) : IDisposable
{
    private const string Expiring = """
        domain: example.com
        default_destination: me@gmail.com
        aliases:
          shop: { expires: 2026-12-05 }
          trial: { expires: "2026-12-02T18:00:00+01:00", then: paused }
          news: { destination: S3 }
          noisy: { state: paused }
          old-bank: { state: disabled }
        """;

    private readonly ConfigDirectory _config = new(DynamoDbLocalFixture.NewTableName("expiry"));
    private readonly FakeTimeProvider _clock = new(CliRunner.Now);

    public void Dispose() => _config.Dispose();

    private Task<(int ExitCode, string Output)> Run(params string[] args) =>
        CliRunner.RunAsync(new TestEnvironment(), _clock, [.. args, "--config", _config.Path, "--endpoint", dynamo.Endpoint.ToString()]);

    /// <summary>Standard output apart from standard error, where the expiry warnings go, as the nightly run redirects them.</summary>
    private Task<(int ExitCode, string Output, string Errors)> RunApart(params string[] args) =>
        CliRunner.RunApartAsync(new TestEnvironment(), _clock, [.. args, "--config", _config.Path, "--endpoint", dynamo.Endpoint.ToString()]);

    [Fact]
    public async Task NightlyRun_AfterTheExpiry_DisablesTheAliasWithoutAYamlChange()
    {
        _config.Write("example.com.yaml", Expiring);
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);

        var before = await Run("plan");
        before.Output.ShouldContain("2 aliases expire in the next 14 days:\n  - trial@example.com becomes paused on 2026-12-02T18:00:00+01:00\n  - shop@example.com becomes disabled on 2026-12-05\n");
        before.Output.ShouldContain("No changes.");

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 3, 17, 0, TimeSpan.Zero));
        var nightly = await Run("apply", "--only-due");

        nightly.ExitCode.ShouldBe(ExitCodes.Ok);
        nightly.Output.ShouldContain("  ~ trial@example.com\n      state: active → paused\n");
        nightly.Output.ShouldContain("expired 2026-12-02T18:00:00+01:00");
        nightly.Output.ShouldContain("Apply complete:");
        (await StateOfAsync("trial")).ShouldBe(AliasState.Paused);
        (await StateOfAsync("shop")).ShouldBe(AliasState.Active);

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 3, 17, 0, TimeSpan.Zero));
        (await Run("apply", "--only-due")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await StateOfAsync("shop")).ShouldBe(AliasState.Disabled);

        var after = await Run("plan", "--detailed-exitcode");
        after.ExitCode.ShouldBe(ExitCodes.Ok);
        after.Output.ShouldContain("No changes. The table matches the configuration.");
        (await Run("drift", "--detailed-exitcode")).ExitCode.ShouldBe(ExitCodes.Ok);
    }

    [Fact]
    public async Task OnlyDue_NothingDue_WritesNothing()
    {
        _config.Write("example.com.yaml", Expiring);
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        var scan = await ScanAsync();

        var (exitCode, output) = await Run("apply", "--only-due");

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("No changes. No expiry is due that the table does not hold already.");
        (await ScanAsync()).ShouldBe(scan);
    }

    [Fact]
    public async Task Drift_HandEditsAreReported_DueExpiriesAreNot_AndOnlyDueLeavesTheEditsAlone()
    {
        _config.Write("example.com.yaml", Expiring);
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        await SetDestinationAsync("news", "someone.else@gmail.com");
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 0, 0, 0, TimeSpan.Zero));

        var drift = await RunApart("drift", "--detailed-exitcode", "--format", "markdown", "--mask-destinations");

        drift.ExitCode.ShouldBe(ExitCodes.Changes);
        drift.Output.ShouldStartWith("## TacoMail drift\n");
        drift.Output.ShouldContain("news@example.com");
        drift.Output.ShouldContain("s***@gmail.com");
        drift.Output.ShouldNotContain("someone.else");
        drift.Output.ShouldNotContain("shop@example.com");
        drift.Errors.ShouldContain("warning TM053: alias shop@example.com expired on 2026-12-05");

        (await Run("apply", "--only-due")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await StateOfAsync("shop")).ShouldBe(AliasState.Disabled);
        (await DestinationOfAsync("news")).ShouldBe("someone.else@gmail.com");
        (await Run("drift", "--detailed-exitcode")).ExitCode.ShouldBe(ExitCodes.Changes);

        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await DestinationOfAsync("news")).ShouldBe("S3");
        var clean = await Run("drift", "--detailed-exitcode");
        clean.ExitCode.ShouldBe(ExitCodes.Ok);
        clean.Output.ShouldContain("No drift.");
    }

    private async Task<Dictionary<string, AttributeValue>> ItemAsync(string local) =>
        (await dynamo.Client.GetItemAsync(
            new GetItemRequest { TableName = _config.TableName, Key = ItemKeyCodec.Encode(new ItemKey("example.com", local)), ConsistentRead = true },
            TestContext.Current.CancellationToken)).Item;

    private async Task<AliasState> StateOfAsync(string local) =>
        AliasItemCodec.Decode(await ItemAsync(local)).Record!.State;

    private async Task<string> DestinationOfAsync(string local) => (await ItemAsync(local))[TableContract.Destination].S;

    private async Task SetDestinationAsync(string local, string destination) =>
        await dynamo.Client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = _config.TableName,
                Key = ItemKeyCodec.Encode(new ItemKey("example.com", local)),
                UpdateExpression = "SET #d = :d",
                ExpressionAttributeNames = new() { ["#d"] = TableContract.Destination },
                ExpressionAttributeValues = new() { [":d"] = new AttributeValue { S = destination } },
            },
            TestContext.Current.CancellationToken);

    /// <summary>The items, without the lock item, which records each apply's lease.</summary>
    private async Task<List<string>> ScanAsync() =>
        [.. (await TableItems.ScanAsync(dynamo.Client, _config.TableName))
            .Where(line => !line.Contains($"{TableContract.AliasAddress}=S:{TableContract.ConfigLockKey},", StringComparison.Ordinal))];
}
