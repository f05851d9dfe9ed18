using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using TacoMail.MailPath.Replies;
using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>
/// The reconciler leaves <c>tacomail-reverse</c> alone: plan, apply, export and deleting every alias
/// never touch reverse aliases, whether the store wrote them or someone wrote raw items there;
/// <c>route</c> explains a reverse address. Against DynamoDB Local through the real CLI.
/// </summary>
public sealed class ReversePartitionTests(DynamoDbLocalFixture dynamo) : IDisposable
{
    private readonly ConfigDirectory _config = new(DynamoDbLocalFixture.NewTableName("reverse"));
    private readonly FakeTimeProvider _time = new(CliRunner.Now);

    public void Dispose() => _config.Dispose();

    private string Endpoint => dynamo.Endpoint.ToString();

    private Task<(int ExitCode, string Output)> Run(params string[] args) =>
        CliRunner.RunAsync([.. args, "--config", _config.Path, "--endpoint", Endpoint]);

    /// <summary>Applies the config, then fills tacomail-reverse: three pairs through the store (one used), a raw item and a damaged token item.</summary>
    private async Task<IReadOnlyList<ReverseAliasRecord>> ApplyAndFillAsync()
    {
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
        var store = new ReverseAliasStore(dynamo.Client, _config.TableName, _time);
        var cancellation = TestContext.Current.CancellationToken;
        var jane = await store.GetOrCreateAsync("shop@example.com", "jane@x.example", cancellation);
        var bob = await store.GetOrCreateAsync("shop@example.com", "Bob@Y.example", cancellation);
        var paused = await store.GetOrCreateAsync("noisy@example.com", "news@z.example", cancellation);
        _time.Advance(TimeSpan.FromHours(1));
        await store.TouchAsync(jane.Address, cancellation);
        await Put(new()
        {
            [TableContract.SubDomain] = new AttributeValue { S = TableContract.ReversePartition },
            [TableContract.AliasAddress] = new AttributeValue { S = "something-else" },
            ["note"] = new AttributeValue { S = "written by hand" },
            ["numbers"] = new AttributeValue { NS = ["1", "2"] },
        });
        await Put(new()
        {
            [TableContract.SubDomain] = new AttributeValue { S = TableContract.ReversePartition },
            [TableContract.AliasAddress] = new AttributeValue { S = "r#" + new string('a', ReverseAddress.TokenLength) },
            [TableContract.ReplyAlias] = new AttributeValue { S = "not an address" },
        });
        return [jane, bob, paused];
    }

    private async Task Put(Dictionary<string, AttributeValue> item) =>
        await dynamo.Client.PutItemAsync(new PutItemRequest { TableName = _config.TableName, Item = item }, TestContext.Current.CancellationToken);

    /// <summary>Every item of the reverse partition, each as a canonical line of its attributes, in key order.</summary>
    private async Task<List<string>> ReversePartitionAsync()
    {
        var lines = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.Client.QueryAsync(
                new QueryRequest
                {
                    TableName = _config.TableName,
                    KeyConditionExpression = "#sd = :sd",
                    ExpressionAttributeNames = new() { ["#sd"] = TableContract.SubDomain },
                    ExpressionAttributeValues = new() { [":sd"] = new AttributeValue { S = TableContract.ReversePartition } },
                    ConsistentRead = true,
                    ExclusiveStartKey = start,
                },
                TestContext.Current.CancellationToken);
            lines.AddRange(page.Items.Select(TableItems.Canonical));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return lines;
    }

    private async Task<List<string>> AliasKeysAsync()
    {
        var scan = await dynamo.Client.ScanAsync(new ScanRequest { TableName = _config.TableName, ConsistentRead = true }, TestContext.Current.CancellationToken);
        return [.. scan.Items.Select(i => $"{i[TableContract.SubDomain].S}/{i[TableContract.AliasAddress].S}").Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task PlanAndApply_WithReverseAliases_ShowNoChangesAndLeaveEveryReverseItemAsItWas()
    {
        await ApplyAndFillAsync();
        var before = await ReversePartitionAsync();

        var plan = await Run("plan", "--detailed-exitcode");
        var json = await Run("plan", "--format", "json");
        var apply = await Run("apply");

        before.Count.ShouldBe(8);
        plan.ExitCode.ShouldBe(ExitCodes.Ok, plan.Output);
        plan.Output.ShouldContain("No changes.");
        plan.Output.ShouldNotContain(TableContract.ReversePartition);
        using (var document = JsonDocument.Parse(json.Output))
        {
            document.RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0);
            document.RootElement.GetProperty("skipped").GetArrayLength().ShouldBe(0);
        }

        apply.ExitCode.ShouldBe(ExitCodes.Ok, apply.Output);
        apply.Output.ShouldNotContain(TableContract.ReversePartition);
        (await ReversePartitionAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Export_WithReverseAliases_WritesNoneOfThem()
    {
        var records = await ApplyAndFillAsync();
        using var exported = new TemporaryDirectory();

        var export = await CliRunner.RunAsync("export", "--table", _config.TableName, "--region", "us-east-1", "--endpoint", Endpoint, "--out", exported.Path, "--config", exported.Path);
        var plan = await CliRunner.RunAsync("plan", "--config", exported.Path, "--endpoint", Endpoint, "--detailed-exitcode");

        export.ExitCode.ShouldBe(ExitCodes.Ok, export.Output);
        export.Output.ShouldContain("exported 4 aliases into 2 files");
        export.Output.ShouldNotContain("skipped");
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(exported.Path))
        {
            text.Append(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        }

        text.ToString().ShouldNotContain("tacomail-");
        text.ToString().ShouldNotContain("reply.");
        foreach (var record in records)
        {
            text.ToString().ShouldNotContain(record.Address.Token);
            text.ToString().ShouldNotContain(record.Correspondent, Case.Insensitive);
        }

        plan.ExitCode.ShouldBe(ExitCodes.Ok, plan.Output);
    }

    [Fact]
    public async Task DeletingEveryAlias_PlansAndAppliesAliasDeletesOnly()
    {
        await ApplyAndFillAsync();
        var before = await ReversePartitionAsync();
        _config.Write("example.com.yaml", "domain: example.com\ndefault_destination: me@gmail.com\naliases: {}\n");

        var json = await Run("plan", "--format", "json");
        var apply = await Run("apply");

        using (var document = JsonDocument.Parse(json.Output))
        {
            var changes = document.RootElement.GetProperty("changes").EnumerateArray()
                .Select(c => (c.GetProperty("action").GetString(), c.GetProperty("address").GetString())).Order().ToList();
            changes.ShouldBe(
            [
                ("delete", "news@example.com"),
                ("delete", "noisy@example.com"),
                ("delete", "old-bank@example.com"),
                ("delete", "shop@example.com"),
            ]);
            document.RootElement.GetProperty("config_changes").GetArrayLength().ShouldBe(0);
            document.RootElement.GetProperty("skipped").GetArrayLength().ShouldBe(0);
        }

        apply.ExitCode.ShouldBe(ExitCodes.Ok, apply.Output);
        apply.Output.ShouldContain("4 deleted");
        (await ReversePartitionAsync()).ShouldBe(before);
        (await AliasKeysAsync()).Where(k => !k.StartsWith(TableContract.ReversePartition + "/", StringComparison.Ordinal)).ShouldBe(
        [
            "tacomail-config/destinations",
            "tacomail-config/settings",
            "tacomail-config/sub_domains",
        ]);
    }

    [Fact]
    public async Task Route_AReverseAddressInTheTable_SaysWhoRepliesGoTo()
    {
        var records = await ApplyAndFillAsync();

        var active = await Run("route", records[0].Address.Address);
        var paused = await Run("route", records[2].Address.Address.ToUpperInvariant());

        active.ExitCode.ShouldBe(ExitCodes.Ok, active.Output);
        active.Output.ShouldContain("a reverse address: replies from the owner go out as shop@example.com to j***@x.example");
        active.Output.ShouldContain("last used 2026-11-29 13:00 UTC");
        active.Output.ShouldContain("reply: sent as shop@example.com to j***@x.example");
        active.Output.ShouldNotContain("jane@x.example");
        paused.ExitCode.ShouldBe(ExitCodes.Ok, paused.Output);
        paused.Output.ShouldContain("drop silently: noisy@example.com is paused");
    }

    [Fact]
    public async Task Route_AReverseFormTheTableDoesNotKnow_IsTreatedAsUnknown()
    {
        var records = await ApplyAndFillAsync();
        var unknown = $"reply.{new string('b', ReverseAddress.TokenLength)}@example.com";
        var otherDomain = $"{records[0].Address.LocalPart}@mail.example.org";

        var (exitCode, output) = await Run("route", unknown);
        var other = await Run("route", otherDomain);
        var damaged = await Run("route", $"reply.{new string('a', ReverseAddress.TokenLength)}@example.com");
        var yamlOnly = await CliRunner.RunAsync("route", unknown, "--config", _config.Path);

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain("refuse (no such alias)");
        output.ShouldContain("the table has no reverse alias with its token: mail to it is treated like mail to an unknown alias");
        other.ExitCode.ShouldBe(ExitCodes.Ok, other.Output);
        other.Output.ShouldContain("has the token of a reverse address of example.com, not of mail.example.org");
        damaged.ExitCode.ShouldBe(ExitCodes.Ok, damaged.Output);
        damaged.Output.ShouldContain("is a reverse address, but its table item is unreadable");
        yamlOnly.ExitCode.ShouldBe(ExitCodes.Ok, yamlOnly.Output);
        yamlOnly.Output.ShouldContain("has the form of a reverse address, which only the table knows: pass --endpoint, --table or --region");
    }
}
