using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Records;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>A plan that pauses a used alias shows its usage, through the real CLI against DynamoDB Local.</summary>
public sealed class PlanUsageTests(DynamoDbLocalFixture dynamo) : IDisposable
{
    private const string PausesShop = "domain: example.com\ndefault_destination: me@gmail.com\naliases:\n  shop: { state: paused }\n  news: { destination: S3 }\n  noisy: { state: paused }\n  old-bank: { state: disabled }\n";

    private readonly ConfigDirectory _config = new(DynamoDbLocalFixture.NewTableName("usage"));
    private readonly FakeTimeProvider _clock = new(CliRunner.Now);

    public void Dispose() => _config.Dispose();

    private Task<(int ExitCode, string Output)> Run(params string[] args) =>
        CliRunner.RunAsync(new TestEnvironment(), _clock, [.. args, "--config", _config.Path, "--endpoint", dynamo.Endpoint.ToString()]);

    [Fact]
    public async Task Plan_PausingAnAliasUsedSinceApply_ShowsItsUsageAndWarns()
    {
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        var lastUsed = _clock.GetUtcNow().AddDays(-2);
        await CountMessagesAsync("shop", 5, lastUsed);
        _config.Write("example.com.yaml", PausesShop);

        var text = await Run("plan");
        var json = await Run("plan", "--format", "json");

        text.ExitCode.ShouldBe(ExitCodes.Ok);
        text.Output.ShouldContain("  ~ shop@example.com\n      state: active → paused\n      usage: 5 messages, last used 2026-11-27T12:00:00Z\n");
        text.Output.ShouldContain("Warning: 1 of the affected aliases received mail in the last 30 days:");
        using var document = JsonDocument.Parse(json.Output);
        var usage = document.RootElement.GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("address").GetString() == "shop@example.com").GetProperty("usage");
        usage.GetProperty("use_count").GetInt64().ShouldBe(5);
        usage.GetProperty("last_used").GetString().ShouldBe("2026-11-27T12:00:00Z");
        document.RootElement.GetProperty("summary").GetProperty("recently_used").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Plan_UsageRecordedButYamlUnchanged_HasNoChanges()
    {
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        await CountMessagesAsync("shop", 3, _clock.GetUtcNow());

        var (exitCode, output) = await Run("plan", "--detailed-exitcode");

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("No changes.");
    }

    private Task CountMessagesAsync(string local, int messages, DateTimeOffset at) =>
        TableItems.CountMessagesAsync(dynamo.Client, _config.TableName, new ItemKey("example.com", local), messages, at);
}
