using TacoMail.Reconciler.Cli;
using TacoMail.Reconciler.Tests.Config;
using static TacoMail.Testing.CliRunner;

namespace TacoMail.Reconciler.Tests.Cli;

/// <summary><c>tacomail route</c> from the YAML alone (the table is covered by the integration tests).</summary>
public sealed class RouteCommandTests : IDisposable
{
    private const string Main = """
        table: { name: tacomail }
        domains: [example.com]
        destinations: [me@example.net, S3]
        bounce_sender: mailer-daemon@example.com
        feedback_address: feedback@example.com
        """;

    private readonly TempConfig _config = new TempConfig()
        .WithMain(Main)
        .With("example.com.yaml", "domain: example.com\ndefault_destination: me@example.net\naliases:\n  shop: {}\n  old-bank: { state: disabled }");

    public void Dispose() => _config.Dispose();

    private Task<(int ExitCode, string Output)> Route(params string[] args) =>
        RunAsync(["route", .. args, "--config", _config.Directory]);

    [Fact]
    public async Task Route_DisabledAliasFromAnAuthenticatedSender_Bounces()
    {
        var (exitCode, output) = await Route("old-bank@example.com", "--from", "jane@x.example", "--spf", "PASS", "--dkim", "FAIL");

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("refuse (disabled): bounce to jane@x.example (SPF passed, DMARC did not fail)");
    }

    [Fact]
    public async Task Route_UnknownAddressFromTheNullSender_IsDroppedWithoutBounce()
    {
        var (_, output) = await Route("nobody@example.com", "--from", "<>", "--spf", "PASS");

        output.ShouldContain("refuse (no such alias): no bounce, dropped: null sender <>");
    }

    [Theory]
    [InlineData("PASS", "FAIL", "no bounce, dropped: sender not authenticated (SPF PASS, DMARC FAIL")]
    [InlineData("GRAY", null, "no bounce, dropped: sender not authenticated (SPF GRAY, DMARC MISSING")]
    public async Task Route_UnauthenticatedSender_IsDroppedNamingTheVerdicts(string spf, string? dmarc, string expected)
    {
        string[] verdicts = dmarc is null ? ["--spf", spf] : ["--spf", spf, "--dmarc", dmarc];

        var (_, output) = await Route(["old-bank@example.com", "--from", "jane@x.example", .. verdicts]);

        output.ShouldContain(expected);
    }

    [Fact]
    public async Task Route_BulkMail_IsNeverBounced()
    {
        var (_, output) = await Route("old-bank@example.com", "--from", "news@shop.example", "--spf", "PASS", "--header", "Precedence: bulk");

        output.ShouldContain("no bounce, dropped: bulk mail (Precedence: bulk, junk or list)");
    }

    [Fact]
    public async Task Route_DisabledAliasWithoutSender_ExplainsTheRule()
    {
        var (_, output) = await Route("old-bank@example.com");

        output.ShouldContain("bounce (DoesNotExist) only when SPF passed and DMARC did not fail; never to <>, MAILER-DAEMON, postmaster");
        output.ShouldContain("give --from SENDER");
    }

    [Fact]
    public async Task Route_BouncePolicyNeverInYaml_SaysSo()
    {
        _config.WithMain(Main + "\nbounce_policy: never");

        var (_, output) = await Route("old-bank@example.com", "--from", "jane@x.example", "--spf", "PASS");

        output.ShouldContain("no bounce, dropped: bounce policy never");
    }

    [Fact]
    public async Task Route_FeedbackAddress_IsFiledNeverForwarded()
    {
        var (_, output) = await Route("Feedback@example.com");

        output.ShouldContain("filed in the mailbox, never forwarded");
    }

    [Fact]
    public async Task Route_YamlSeparatorsAndAnAliasNamedWithOne_ExactMatchWins()
    {
        _config.WithMain(Main + "\nsubaddress_separators: [\"-\"]");

        var exact = await Route("old-bank@example.com", "--from", "<>");
        var stripped = await Route("shop-promo@example.com");

        exact.Output.ShouldContain("old-bank@example.com (an alias of exactly this name exists, so nothing is stripped)");
        exact.Output.ShouldContain("disabled");
        stripped.Output.ShouldContain("shop@example.com (sub-address 'promo' after '-' stripped)");
        stripped.Output.ShouldContain("deliver to me@example.net");
    }

    [Theory]
    [InlineData("--spf", "PASS")]
    [InlineData("--header", "Precedence: bulk")]
    public async Task Route_MessageOptionsWithoutFrom_AreRefused(string option, string value)
    {
        var (exitCode, output) = await Route("old-bank@example.com", option, value);

        exitCode.ShouldNotBe(ExitCodes.Ok);
        output.ShouldContain("give its envelope sender with --from too");
    }

    [Fact]
    public async Task Route_UnknownVerdictWord_IsRefused()
    {
        var (exitCode, output) = await Route("old-bank@example.com", "--from", "a@b.example", "--spf", "maybe");

        exitCode.ShouldNotBe(ExitCodes.Ok);
        output.ShouldContain("--spf 'maybe' is not an SES verdict");
    }
}
