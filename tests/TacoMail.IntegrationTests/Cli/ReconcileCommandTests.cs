using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Cli;
using TacoMail.Reconciler.Table.Locking;
using TacoMail.Schema.Records;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>plan, apply, export and route through the real CLI against DynamoDB Local.</summary>
public sealed class ReconcileCommandTests(DynamoDbLocalFixture dynamo) : IDisposable
{
    private readonly ConfigDirectory _config = new(DynamoDbLocalFixture.NewTableName("cli"));

    public void Dispose() => _config.Dispose();

    private string Endpoint => dynamo.Endpoint.ToString();

    private Task<(int ExitCode, string Output)> Run(params string[] args) =>
        CliRunner.RunAsync([.. args, "--config", _config.Path, "--endpoint", Endpoint]);

    private async Task InitAndApplyAsync()
    {
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
    }

    [Fact]
    public async Task PlanApplyPlan_FreshTable_CreatesEverythingThenHasNothingToChange()
    {
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);

        var plan = await Run("plan", "--detailed-exitcode");
        var apply = await Run("apply");
        var again = await Run("plan", "--detailed-exitcode");

        plan.ExitCode.ShouldBe(ExitCodes.Changes);
        plan.Output.ShouldContain("+ shop@example.com");
        plan.Output.ShouldContain("Plan: 4 to create, 0 to update, 0 to rename, 0 to delete.");
        apply.ExitCode.ShouldBe(ExitCodes.Ok);
        apply.Output.ShouldContain("Apply complete: 4 created");
        again.ExitCode.ShouldBe(ExitCodes.Ok);
        again.Output.ShouldContain("No changes.");
        var items = await dynamo.Client.ScanAsync(new ScanRequest { TableName = _config.TableName }, TestContext.Current.CancellationToken);
        items.Items.Count(i => i["sub_domain"].S == "example.com").ShouldBe(4);
    }

    [Fact]
    public async Task ApplySavedPlan_TableChangedSince_IsRefusedAsStaleAndWritesNothing()
    {
        await InitAndApplyAsync();
        var planFile = Path.Combine(_config.Path, "plan.json");
        _config.Write("example.com.yaml", "domain: example.com\ndefault_destination: me@gmail.com\naliases:\n  shop: { state: paused }\n  news: { destination: S3 }\n  noisy: { state: paused }\n  old-bank: { state: disabled }\n");
        (await Run("plan", "--out", planFile)).ExitCode.ShouldBe(ExitCodes.Ok);
        await dynamo.Client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = _config.TableName,
                Key = ItemKeyCodec.Encode(new ItemKey("example.com", "news")),
                UpdateExpression = "SET destination = :d",
                ExpressionAttributeValues = new() { [":d"] = new AttributeValue { S = "me@gmail.com" } },
            },
            TestContext.Current.CancellationToken);

        var (exitCode, output) = await Run("apply", planFile);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("is stale, so nothing was applied");
        output.ShouldContain("the table changed since the plan was made: news@example.com modified");
        var shop = await dynamo.Client.GetItemAsync(_config.TableName, ItemKeyCodec.Encode(new ItemKey("example.com", "shop")), TestContext.Current.CancellationToken);
        shop.Item["ignore_alias"].BOOL.ShouldBe(false);
    }

    [Fact]
    public async Task ApplySavedPlan_Current_AppliesIt()
    {
        await InitAndApplyAsync();
        var planFile = Path.Combine(_config.Path, "plan.json");
        _config.Write("example.com.yaml", "domain: example.com\ndefault_destination: me@gmail.com\naliases:\n  shop: { state: paused }\n  news: { destination: S3 }\n  noisy: { state: paused }\n  old-bank: { state: disabled }\n");
        (await Run("plan", "--out", planFile)).ExitCode.ShouldBe(ExitCodes.Ok);

        var (exitCode, output) = await Run("apply", planFile);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("Apply complete: 0 created, 1 updated");
    }

    [Fact]
    public async Task ApplySavedPlan_SavedByAnEarlierVersion_IsRefusedWithWhatToRunAndWritesNothing()
    {
        await InitAndApplyAsync();
        var planFile = Path.Combine(_config.Path, "plan.json");
        _config.Write("example.com.yaml", "domain: example.com\ndefault_destination: me@gmail.com\naliases:\n  shop: { state: paused }\n  news: { destination: S3 }\n  noisy: { state: paused }\n  old-bank: { state: disabled }\n");
        // Earlier versions saved the --format json view itself.
        var json = await Run("plan", "--format", "json");
        await File.WriteAllTextAsync(planFile, json.Output, TestContext.Current.CancellationToken);

        var (exitCode, output) = await Run("apply", planFile);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain($"{planFile} was saved by an earlier tacomail");
        output.ShouldContain($"Run tacomail plan --out {planFile} again");
        var shop = await dynamo.Client.GetItemAsync(_config.TableName, ItemKeyCodec.Encode(new ItemKey("example.com", "shop")), TestContext.Current.CancellationToken);
        shop.Item["ignore_alias"].BOOL.ShouldBe(false);
    }

    [Fact]
    public async Task Apply_OverTheDeleteThreshold_RendersThePlanAndRefusesUnlessForced()
    {
        var many = string.Join('\n', Enumerable.Range(0, 10).Select(i => $"  a{i}: {{}}"));
        _config.Write("example.com.yaml", $"domain: example.com\ndefault_destination: me@gmail.com\naliases:\n{many}\n");
        await InitAndApplyAsync();
        _config.Write("example.com.yaml", "domain: example.com\ndefault_destination: me@gmail.com\naliases:\n  a0: {}\n");

        var refused = await Run("apply");
        var forced = await Run("apply", "--force");

        refused.ExitCode.ShouldBe(ExitCodes.Error);
        refused.Output.ShouldContain("- a9@example.com");
        refused.Output.ShouldContain("deletes 9 of 10");
        refused.Output.ShouldContain("--force");
        forced.ExitCode.ShouldBe(ExitCodes.Ok);
        forced.Output.ShouldContain("9 deleted");
    }

    [Fact]
    public async Task Apply_LockHeldByAnotherRun_FailsFastNamingTheHolder_AndForceUnlockClearsIt()
    {
        await InitAndApplyAsync();
        // The same clock as the CLI runner's, so the lease is not seen as expired.
        var tableLock = new TableLock(dynamo.Client, _config.TableName, LockOptions.Default, new FakeTimeProvider(CliRunner.Now));
        var lease = await tableLock.AcquireAsync(new LockHolder("someone-else", "ci-runner-7", 4242), TimeSpan.Zero, TestContext.Current.CancellationToken);
        var lockId = lease.LockId;

        var (exitCode, output) = await Run("apply");
        var unlock = await Run("force-unlock", lockId);
        var after = await Run("apply");

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("someone-else");
        output.ShouldContain(lockId);
        unlock.ExitCode.ShouldBe(ExitCodes.Ok);
        unlock.Output.ShouldContain($"released lock {lockId}");
        after.ExitCode.ShouldBe(ExitCodes.Ok);
        await lease.DisposeAsync();
    }

    [Fact]
    public async Task Export_ThenValidateAndPlan_RoundTripsToZeroChanges()
    {
        _config.Write("mail.example.org.yaml", "domain: mail.example.org\ndefault_destination: S3\naliases:\n  family: {}\n  forums: { state: paused, destination: me@gmail.com }\n");
        await InitAndApplyAsync();
        using var exported = new TemporaryDirectory();

        var export = await CliRunner.RunAsync("export", "--table", _config.TableName, "--region", "us-east-1", "--endpoint", Endpoint, "--out", exported.Path, "--config", exported.Path);
        var validate = await CliRunner.RunAsync("validate", "--config", exported.Path);
        var plan = await CliRunner.RunAsync("plan", "--config", exported.Path, "--endpoint", Endpoint, "--detailed-exitcode");

        export.ExitCode.ShouldBe(ExitCodes.Ok);
        export.Output.ShouldContain("exported 6 aliases into 3 files");
        validate.ExitCode.ShouldBe(ExitCodes.Ok);
        plan.ExitCode.ShouldBe(ExitCodes.Ok);
        plan.Output.ShouldContain("No changes.");
        File.ReadAllText(Path.Combine(exported.Path, "example.com.yaml")).ShouldContain("old-bank: { state: disabled }");
    }

    [Fact]
    public async Task Export_IntoExistingYaml_IsRefusedWithoutForce()
    {
        await InitAndApplyAsync();

        var (exitCode, output) = await Run("export");

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("already holds YAML files");
    }

    [Fact]
    public async Task Route_TableDisagreesWithYaml_FlagsIt()
    {
        await InitAndApplyAsync();
        _config.Write("example.com.yaml", "domain: example.com\ndefault_destination: me@gmail.com\naliases:\n  shop: { state: paused }\n  news: { destination: S3 }\n  noisy: { state: paused }\n  old-bank: { state: disabled }\n");

        var (exitCode, output) = await Run("route", "Shop+sale@example.com");

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("shop@example.com (sub-address 'sale' after '+' stripped)");
        output.ShouldContain("drop silently (paused)");
        output.ShouldContain("YAML and table disagree: state: table active, YAML paused");
    }
}
