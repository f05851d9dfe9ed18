using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>The settings item, the thresholds in force and masking, through the real CLI against DynamoDB Local.</summary>
public sealed class SettingsCommandTests(DynamoDbLocalFixture dynamo) : IDisposable
{
    private const string Aliases =
        "domain: example.com\ndefault_destination: me@gmail.com\naliases:\n  shop: {}\n  news: { destination: S3 }\n  noisy: { state: paused }\n  old-bank: { state: disabled }\n";

    private readonly ConfigDirectory _config = new(DynamoDbLocalFixture.NewTableName("settings"));

    public void Dispose() => _config.Dispose();

    private Task<(int ExitCode, string Output)> Run(params string[] args) =>
        CliRunner.RunAsync([.. args, "--config", _config.Path, "--endpoint", dynamo.Endpoint.ToString()]);

    private void WriteMain(string extra) => _config.Write("tacomail.yaml", $"""
        table: {"{"} name: {_config.TableName}, region: us-east-1 {"}"}
        domains: [example.com, mail.example.org]
        destinations: [me@gmail.com, S3]
        bounce_sender: mailer-daemon@example.com
        {extra}
        """);

    [Fact]
    public async Task Apply_WritesTheSettingsItem_ThenNoChanges_ThenABouncePolicyEditPlansOneSettingsChange()
    {
        WriteMain("feedback_address: feedback@example.com");
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);

        var apply = await Run("apply");
        var again = await Run("plan", "--detailed-exitcode");
        WriteMain("feedback_address: feedback@example.com\nbounce_policy: never");
        var edited = await Run("plan", "--detailed-exitcode");

        apply.ExitCode.ShouldBe(ExitCodes.Ok);
        apply.Output.ShouldContain("+ tacomail-config settings");
        apply.Output.ShouldContain("3 configuration items written");
        var item = await dynamo.Client.GetItemAsync(_config.TableName, ItemKeyCodec.Encode(SettingsItemCodec.Key), TestContext.Current.CancellationToken);
        var stored = SettingsItemCodec.Decode(item.Item).Record.ShouldNotBeNull();
        stored.Routing.FeedbackAddress.ShouldBe("feedback@example.com");
        stored.Routing.Policy.ShouldBe(MessagePolicy.Default);
        again.ExitCode.ShouldBe(ExitCodes.Ok);
        again.Output.ShouldContain("No changes.");
        edited.ExitCode.ShouldBe(ExitCodes.Changes);
        edited.Output.ShouldContain("~ tacomail-config settings\n      bounce_policy: authenticated → never\n");
        edited.Output.ShouldContain("Plan: 0 to create, 0 to update, 0 to rename, 0 to delete.");
    }

    [Fact]
    public async Task Apply_LooseningTheThresholdsAndDeletingTogether_NeedsForce()
    {
        var many = string.Join('\n', Enumerable.Range(0, 10).Select(i => $"  a{i}: {{}}"));
        _config.Write("example.com.yaml", $"domain: example.com\ndefault_destination: me@gmail.com\naliases:\n{many}\n");
        WriteMain(string.Empty);
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        WriteMain("safety: { max_delete_percent: 100 }");
        _config.Write("example.com.yaml", "domain: example.com\ndefault_destination: me@gmail.com\naliases:\n  a0: {}\n");

        var refused = await Run("apply");
        var forced = await Run("apply", "--force");

        refused.ExitCode.ShouldBe(ExitCodes.Error);
        refused.Output.ShouldContain("deletes 9 of 10 existing aliases (90%, limit 30%)");
        forced.ExitCode.ShouldBe(ExitCodes.Ok);
        forced.Output.ShouldContain("9 deleted");
    }

    [Fact]
    public async Task MaskedSavedPlan_HidesDestinationsAndStillApplies()
    {
        WriteMain(string.Empty);
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        _config.Write("example.com.yaml", Aliases.Replace("news: { destination: S3 }", "news: {}", StringComparison.Ordinal));
        var planFile = Path.Combine(_config.Path, "plan.json");

        var plan = await Run("plan", "--format", "json", "--mask-destinations", "--out", planFile);
        var apply = await Run("apply", planFile, "--mask-destinations");

        plan.ExitCode.ShouldBe(ExitCodes.Ok);
        plan.Output.ShouldNotContain("me@gmail.com");
        plan.Output.ShouldContain("m***@gmail.com");
        File.ReadAllText(planFile).ShouldNotContain("me@gmail.com");
        apply.ExitCode.ShouldBe(ExitCodes.Ok);
        apply.Output.ShouldContain("Apply complete: 0 created, 1 updated");
        apply.Output.ShouldNotContain("me@gmail.com");
        apply.Output.ShouldContain("destination: S3 → m***@gmail.com");
        var news = await dynamo.Client.GetItemAsync(_config.TableName, ItemKeyCodec.Encode(new ItemKey("example.com", "news")), TestContext.Current.CancellationToken);
        news.Item["destination"].S.ShouldBe("me@gmail.com");
    }

    [Fact]
    public async Task Route_WithTheTable_UsesItsSettingsItemAndExactMatchFirst()
    {
        WriteMain("subaddress_separators: [\"+\", \"-\"]\nbounce_policy: never");
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        WriteMain(string.Empty);

        var exact = await Run("route", "old-bank@example.com", "--from", "jane@x.example", "--spf", "PASS");
        var stripped = await Run("route", "shop-sale@example.com");

        exact.ExitCode.ShouldBe(ExitCodes.Ok);
        exact.Output.ShouldContain("from the table's settings item");
        exact.Output.ShouldContain("old-bank@example.com (an alias of exactly this name exists, so nothing is stripped)");
        exact.Output.ShouldContain("no bounce, dropped: bounce policy never");
        exact.Output.ShouldContain("YAML and table disagree: settings: subaddress_separators, bounce_policy differ");
        stripped.Output.ShouldContain("shop@example.com (sub-address 'sale' after '-' stripped)");
    }

    [Fact]
    public async Task Route_TableWithoutSettingsItem_SaysTheLambdaNeverBounces()
    {
        WriteMain(string.Empty);
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);

        var (exitCode, output) = await Run("route", "nobody@example.com", "--from", "jane@x.example", "--spf", "PASS");

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("the table has no settings item");
        output.ShouldContain("no bounce, dropped");
    }

    [Fact]
    public async Task Export_TableWithSettings_WritesThemSoThatPlanHasNoChanges()
    {
        WriteMain("feedback_address: feedback@example.com\nsubaddress_separators: [\"+\", \"#\"]\nbounce_policy: always\nsafety: { min_aliases: 5 }");
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        using var exported = new TemporaryDirectory();
        var endpoint = dynamo.Endpoint.ToString();

        var export = await CliRunner.RunAsync("export", "--table", _config.TableName, "--region", "us-east-1", "--endpoint", endpoint, "--out", exported.Path, "--config", exported.Path);
        var plan = await CliRunner.RunAsync("plan", "--config", exported.Path, "--endpoint", endpoint, "--detailed-exitcode");

        export.ExitCode.ShouldBe(ExitCodes.Ok);
        plan.Output.ShouldContain("No changes.");
        plan.ExitCode.ShouldBe(ExitCodes.Ok);
        File.ReadAllText(Path.Combine(exported.Path, "tacomail.yaml")).ShouldContain("bounce_policy: always");
    }
}
