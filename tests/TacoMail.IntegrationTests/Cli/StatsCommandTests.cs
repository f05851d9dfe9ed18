using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using TacoMail.MailPath.Replies;
using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>
/// <c>tacomail stats</c> through the real CLI against DynamoDB Local: aliases applied 200 days
/// before <see cref="CliRunner.Now"/>, their use set as the delivery sets it, reverse aliases and a
/// delivery claim beside them; stats shows the use, finds the candidates to disable, and leaves
/// every item of the table exactly as it was.
/// </summary>
public sealed class StatsCommandTests(DynamoDbLocalFixture dynamo) : IDisposable
{
    private const string OrgAliases = "domain: mail.example.org\ndefault_destination: S3\naliases:\n  hello: {}\n  forums: { state: paused }\n";

    private static readonly DateTimeOffset Now = CliRunner.Now;

    private readonly ConfigDirectory _config = new(DynamoDbLocalFixture.NewTableName("stats"));

    public void Dispose() => _config.Dispose();

    private Task<(int ExitCode, string Output)> Run(DateTimeOffset at, params string[] args) =>
        CliRunner.RunAsync(new TestEnvironment(), new FakeTimeProvider(at), [.. args, "--config", _config.Path, "--endpoint", dynamo.Endpoint.ToString()]);

    private async Task<(int ExitCode, string Output)> Stats(params string[] args)
    {
        var result = await Run(Now, ["stats", .. args]);
        TestContext.Current.TestOutputHelper?.WriteLine($"$ tacomail stats {string.Join(' ', args)}\n{result.Output}");
        return result;
    }

    /// <summary>
    /// Six aliases created 200 days ago: shop (42 uses, 2 h ago), news (S3; 3, 120 d ago), noisy
    /// (paused; 7, 95 d ago), old-bank (disabled; 5, 150 d ago), hello (1, 1 d ago) and forums
    /// (paused; never used). Plus two reverse aliases of shop and an alias-shaped delivery claim.
    /// </summary>
    private async Task ApplyAndUseAsync()
    {
        _config.Write("mail.example.org.yaml", OrgAliases);
        var created = Now.AddDays(-200);
        (await Run(created, "init")).ExitCode.ShouldBe(ExitCodes.Ok);
        var apply = await Run(created, "apply");
        apply.ExitCode.ShouldBe(ExitCodes.Ok, apply.Output);
        await CountMessagesAsync("example.com", "shop", 42, Now.AddHours(-2));
        await CountMessagesAsync("example.com", "news", 3, Now.AddDays(-120));
        await CountMessagesAsync("example.com", "noisy", 7, Now.AddDays(-95));
        await CountMessagesAsync("example.com", "old-bank", 5, Now.AddDays(-150));
        await CountMessagesAsync("mail.example.org", "hello", 1, Now.AddDays(-1));
        var store = new ReverseAliasStore(dynamo.Client, _config.TableName, new FakeTimeProvider(Now.AddDays(-3)));
        var jane = await store.GetOrCreateAsync("shop@example.com", "jane@x.example", TestContext.Current.CancellationToken);
        await store.TouchAsync(jane.Address, TestContext.Current.CancellationToken);
        await dynamo.Client.PutItemAsync(
            new PutItemRequest
            {
                TableName = _config.TableName,
                Item = new()
                {
                    [TableContract.SubDomain] = new AttributeValue { S = TableContract.DeliveryPartition },
                    [TableContract.AliasAddress] = new AttributeValue { S = "0o1p2q3r4s5t6u7v#shop@example.com" },
                    [TableContract.Destination] = new AttributeValue { S = "me@gmail.com" },
                    [TableContract.UseCount] = new AttributeValue { N = "1000" },
                    [TableContract.ExpiresAt] = new AttributeValue { N = Now.AddDays(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
            },
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Stats_Text_ShowsEveryAliasPerDomainWithTotals_AndOnlyAliases()
    {
        await ApplyAndUseAsync();

        var (exitCode, output) = await Stats();

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain($"alias use in table '{_config.TableName}' on DynamoDB at ");
        var rows = Rows(output);
        rows.ShouldBe(
        [
            "example.com (4 aliases) | 57 | 2026-11-29T10:00:00Z | 2 h",
            "shop@example.com | active | me@gmail.com | 42 | 2026-11-29T10:00:00Z | 2 h",
            "noisy@example.com | paused | me@gmail.com | 7 | 2026-08-26T12:00:00Z | 95 d",
            "news@example.com | active | S3 | 3 | 2026-08-01T12:00:00Z | 120 d",
            "old-bank@example.com | disabled | me@gmail.com | 5 | 2026-07-02T12:00:00Z | 150 d",
            "mail.example.org (2 aliases) | 1 | 2026-11-28T12:00:00Z | 1 d",
            "hello@mail.example.org | active | S3 | 1 | 2026-11-28T12:00:00Z | 1 d",
            "forums@mail.example.org | paused | S3 | 0 | unknown",
        ]);
        output.ShouldEndWith("6 aliases in 2 domains, 58 uses, last used 2026-11-29T10:00:00Z.\n");
        output.ShouldNotContain(TableContract.ReversePartition);
        output.ShouldNotContain(TableContract.DeliveryPartition);
        output.ShouldNotContain("jane@x.example");
    }

    [Fact]
    public async Task Stats_UnusedFor90d_ListsActiveAndPausedAliasesWithoutMailSinceThen()
    {
        await ApplyAndUseAsync();

        var (exitCode, output) = await Stats("--unused-for", "90d", "--reverse");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        Rows(output).ShouldBe(
        [
            "example.com (2 aliases) | 10 | 2026-08-26T12:00:00Z | 95 d",
            "news@example.com | active | S3 | 3 | 2026-08-01T12:00:00Z | 120 d",
            "noisy@example.com | paused | me@gmail.com | 7 | 2026-08-26T12:00:00Z | 95 d",
            "mail.example.org (1 alias) | 0 | unknown",
            "forums@mail.example.org | paused | S3 | 0 | unknown",
        ]);
        output.ShouldContain("Such an alias is listed once it has existed for 90d.");
        output.ShouldEndWith("3 of 6 aliases had no mail for 90d or longer: candidates to disable (active and paused ones only; a disabled alias bounces already).\n");
    }

    [Fact]
    public async Task Stats_Json_IsTheVersionedDocumentAlone()
    {
        await ApplyAndUseAsync();

        var (exitCode, output) = await Stats("--format", "json", "--sort", "uses", "--unused-for", "90d", "--mask-destinations");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldStartWith("{");
        output.ShouldNotContain("me@gmail.com");
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        root.GetProperty("format_version").GetString().ShouldBe("1");
        root.GetProperty("generated_at").GetString().ShouldBe("2026-11-29T12:00:00Z");
        root.GetProperty("query").GetProperty("unused_since").GetString().ShouldBe("2026-08-31T12:00:00Z");
        root.GetProperty("destinations_masked").GetBoolean().ShouldBeTrue();
        root.GetProperty("summary").GetProperty("alias_count").GetInt32().ShouldBe(3);
        root.GetProperty("summary").GetProperty("aliases_read").GetInt32().ShouldBe(6);
        var aliases = root.GetProperty("domains").EnumerateArray().SelectMany(d => d.GetProperty("aliases").EnumerateArray()).ToList();
        aliases.Select(a => a.GetProperty("address").GetString()).ShouldBe(["noisy@example.com", "news@example.com", "forums@mail.example.org"]);
        var noisy = aliases[0];
        noisy.GetProperty("destination").GetString().ShouldBe("m***@gmail.com");
        noisy.GetProperty("use_count").GetInt64().ShouldBe(7);
        noisy.GetProperty("last_used_at").GetString().ShouldBe("2026-08-26T12:00:00Z");
        noisy.GetProperty("unused_for_seconds").GetInt64().ShouldBe(95 * 86_400);
        noisy.GetProperty("created_at").GetString().ShouldBe("2026-05-13T12:00:00Z");
        aliases[2].GetProperty("last_used_at").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("skipped").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Stats_MarkdownForOneDomain_ListsOnlyItsAliases()
    {
        await ApplyAndUseAsync();

        var (exitCode, output) = await Stats("--format", "markdown", "--domain", "example.org", "--mask-destinations");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldStartWith("## TacoMail alias stats\n\n2 aliases in 1 domain under example.org, 1 use, last used 2026-11-28T12:00:00Z.\n");
        output.ShouldContain("| hello\\@mail.example.org | active | S3 | 1 | 2026-11-28T12:00:00Z | 1 d |\n");
        output.ShouldNotContain("example.com");
    }

    [Fact]
    public async Task Stats_EveryFormatAndOption_LeavesEveryItemOfTheTableAsItWas()
    {
        await ApplyAndUseAsync();
        var before = await ScanAsync();

        foreach (var args in new[]
        {
            Array.Empty<string>(),
            ["--unused-for", "90d"],
            ["--format", "json"],
            ["--format", "markdown", "--sort", "address", "--reverse"],
            ["--domain", "example.com", "--mask-destinations"],
        })
        {
            (await Stats(args)).ExitCode.ShouldBe(ExitCodes.Ok);
        }

        before.Count.ShouldBe(6 + 3 + 2 + 1);
        (await ScanAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Stats_WithTable_NeedsNoValidYaml()
    {
        await ApplyAndUseAsync();
        _config.Write("tacomail.yaml", "table: [broken");

        var (exitCode, output) = await Run(Now, "stats", "--table", _config.TableName);

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain("6 aliases in 2 domains, 58 uses");
    }

    [Fact]
    public async Task Stats_UnknownDomain_SaysWhichOneWasMeant()
    {
        await ApplyAndUseAsync();

        var (exitCode, output) = await Stats("--domain", "exmple.com");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain($"! table '{_config.TableName}' holds no alias under exmple.com (did you mean 'example.com'?)");
        output.ShouldContain("No aliases in the table under exmple.com.");
    }

    [Fact]
    public async Task Stats_NoTable_SaysToInit()
    {
        var (exitCode, output) = await Stats();

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain($"Table '{_config.TableName}' does not exist: run 'tacomail init'");
    }

    /// <summary>The table lines of the text output, cells joined by " | ", without the header.</summary>
    private static List<string> Rows(string output) =>
        [.. output.Split('\n')
            .SkipWhile(l => !l.TrimStart().StartsWith('─'))
            .Skip(1)
            .TakeWhile(l => !l.StartsWith("unknown:", StringComparison.Ordinal) && !char.IsDigit(l.FirstOrDefault()))
            .Select(l => string.Join(" | ", l.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(l => l.Length > 0)];

    private Task CountMessagesAsync(string domain, string local, int messages, DateTimeOffset at) =>
        TableItems.CountMessagesAsync(dynamo.Client, _config.TableName, new ItemKey(domain, local), messages, at);

    private Task<List<string>> ScanAsync() => TableItems.ScanAsync(dynamo.Client, _config.TableName);
}
