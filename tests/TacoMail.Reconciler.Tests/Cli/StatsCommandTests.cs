using TacoMail.Reconciler.Cli;
using TacoMail.Reconciler.Cli.Commands;
using TacoMail.Reconciler.Stats;
using TacoMail.Reconciler.Tests.Config;
using static TacoMail.Testing.CliRunner;

namespace TacoMail.Reconciler.Tests.Cli;

/// <summary>
/// <c>tacomail stats</c>'s options, its help and what it refuses before it reads a table, through
/// the real app (the table itself is covered by the integration tests).
/// </summary>
public sealed class StatsCommandTests
{
    [Theory]
    [InlineData("text", "last-used", null, null)]
    [InlineData("markdown", "uses", "90d", null)]
    [InlineData("json", "address", "36h", "example.com")]
    [InlineData("text", "last-used", " 30m ", " Example.COM ")]
    public void Validate_ValidOptions_Succeed(string format, string sort, string? unusedFor, string? domain)
    {
        var settings = new StatsCommand.Settings { Format = format, Sort = sort, UnusedFor = unusedFor, Domain = domain };

        settings.Validate().Successful.ShouldBeTrue();
    }

    [Theory]
    [InlineData("xml", "last-used", null, null, "--format must be one of: text, markdown, json")]
    [InlineData("text", "recent", null, null, "--sort must be one of: last-used, uses, address")]
    [InlineData("text", "last-used", "3w", null, "--unused-for takes whole days, hours or minutes, e.g. 90d, 36h or 30m, not '3w'")]
    [InlineData("text", "last-used", "1.5d", null, "--unused-for takes whole days, hours or minutes")]
    [InlineData("text", "last-used", "90", null, "--unused-for takes whole days, hours or minutes")]
    [InlineData("text", "last-used", "-90d", null, "--unused-for takes whole days, hours or minutes")]
    [InlineData("text", "last-used", null, "example", "--domain: ")]
    [InlineData("text", "last-used", null, "shop@example.com", "--domain: ")]
    public void Validate_InvalidOption_NamesTheFix(string format, string sort, string? unusedFor, string? domain, string message)
    {
        var settings = new StatsCommand.Settings { Format = format, Sort = sort, UnusedFor = unusedFor, Domain = domain };

        var result = settings.Validate();

        result.Successful.ShouldBeFalse();
        result.Message.ShouldStartWith(message);
    }

    [Fact]
    public void Query_FromOptions_IsNormalised()
    {
        var settings = new StatsCommand.Settings { Sort = "uses", Reverse = true, UnusedFor = "90d", Domain = " Bücher.Example " };

        settings.Query.ShouldBe(new StatsQuery(StatsSort.Uses, Reverse: true, UnusedFor: TimeSpan.FromDays(90), Domain: "xn--bcher-kva.example"));
        new StatsCommand.Settings().Query.ShouldBe(StatsQuery.Default);
    }

    [Fact]
    public async Task Help_DescribesEveryOption()
    {
        var (exitCode, output) = await RunAsync("stats", "--help");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldNotContain("error:");
        foreach (var option in new[] { "--format <FORMAT>", "--sort <ORDER>", "--reverse", "--unused-for <DURATION>", "--domain <DOMAIN>", "--mask-destinations", "--config <DIR>", "--table <NAME>", "--endpoint" })
        {
            output.ShouldContain(option);
        }

        output.ShouldContain("\"domains\":[{\"aliases\":[…]}]");
        output.ShouldContain("last-used (most recently used first; an unknown last use counts as the oldest)");
        output.ShouldContain("active or paused aliases (a disabled one bounces already)");
        output.ShouldContain("stats --unused-for 90d");
    }

    [Fact]
    public async Task Help_ListsStatsAmongTheCommands()
    {
        var (_, output) = await RunAsync("--help");

        output.ShouldMatch(@"(?m)^\s+stats\s+Show each alias in the table with its use count and last use");
    }

    [Theory]
    [InlineData("--format", "xml", "error: --format must be one of: text, markdown, json")]
    [InlineData("--sort", "recent", "error: --sort must be one of: last-used, uses, address")]
    [InlineData("--unused-for", "3 months", "error: --unused-for takes whole days, hours or minutes, e.g. 90d, 36h or 30m, not '3 months'")]
    [InlineData("--domain", "not a domain", "error: --domain: ")]
    public async Task Stats_InvalidOption_ExitsOneBeforeReadingAnything(string option, string value, string message)
    {
        var (exitCode, output) = await RunAsync("stats", option, value, "--config", "/nonexistent/tacomail");

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldStartWith(message, Case.Sensitive);
        output.ShouldNotContain("TM001");
    }

    [Fact]
    public async Task Stats_InvalidConfigWithoutTable_SaysHowToNameTheTable()
    {
        using var config = new TempConfig().WithMain("table: { name: tacomail }\ndomains: [example.com]\ndestinations: [me@gmail.com]\nunknown_key: 1");

        var (exitCode, output) = await RunAsync("stats", "--config", config.Directory);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("error(s)");
        output.ShouldContain("pass --table NAME (and --region) to read a table without a valid tacomail.yaml");
    }
}
