using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Cli;
using TacoMail.Reconciler.Tests.Config;
using TacoMail.Testing;
using static TacoMail.Testing.CliRunner;

namespace TacoMail.Reconciler.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_ValidConfig_ExitsZeroAndSummarises()
    {
        var (exitCode, output) = await RunAsync("validate", "--config", Fixture.Directory("valid/realistic"));

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("valid:");
        output.ShouldContain("aliases on 2 domains");
    }

    [Fact]
    public async Task Validate_BrokenConfig_PrintsEveryErrorAsPathLineColumnAndExitsOne()
    {
        var directory = Fixture.Directory("invalid/multiple-errors");

        var (exitCode, output) = await RunAsync("validate", "--config", directory);

        exitCode.ShouldBe(ExitCodes.Error);
        var errors = output.Split('\n').Where(l => l.Contains(": error TM", StringComparison.Ordinal)).ToList();
        errors.Count.ShouldBeGreaterThanOrEqualTo(8);
        errors.ShouldAllBe(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^.+\.yaml:\d+:\d+: error TM\d{3}: .+$"));
        errors.Select(l => Path.GetFileName(l[..l.IndexOf(".yaml:", StringComparison.Ordinal)]))
            .Distinct().Count().ShouldBe(4);
        output.ShouldContain($"{Path.Combine(directory, "tacomail.yaml")}:2:26: error TM020:");
        output.ShouldNotContain("::error");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Validate_InGitHubActions_AlsoPrintsAnnotations()
    {
        var environment = new TestEnvironment(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });

        var (exitCode, output) = await RunAsync(environment, "validate", "--config", Fixture.Directory("invalid/TM030-undeclared-domain"));

        exitCode.ShouldBe(ExitCodes.Error);
        var annotation = output.Split('\n').Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ShouldHaveSingleItem();
        annotation.ShouldMatch(@"^::error file=[^,]+\.yaml,line=\d+,col=\d+,title=TM030::.+");
    }

    [Fact]
    public async Task Validate_MissingDirectory_IsAnErrorNotACrash()
    {
        var (exitCode, output) = await RunAsync("validate", "--config", Fixture.Directory("does-not-exist"));

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("error TM001");
    }

    [Fact]
    public void FormatGitHub_MessageWithSpecialCharacters_IsEscaped()
    {
        var line = DiagnosticReporter.FormatGitHub(new Diagnostics.Diagnostic("a,b:c.yaml", 3, 4, "TM020", "50% bad\nnext"));

        line.ShouldBe("::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=TM020::50%25 bad%0Anext");
    }

    [Fact]
    public async Task Validate_ExpiredAlias_WarnsOnStandardErrorAndExitsZero()
    {
        using var config = ExpiredTrial();
        var environment = new TestEnvironment(new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" });

        var (exitCode, output, errors) = await RunApartAsync(
            environment, new FakeTimeProvider(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero)), "validate", "--config", config.Directory);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldStartWith($"valid: {config.Directory} declares 2 aliases");
        output.ShouldNotContain("TM053");
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldBe(
            $"{config.PathOf("example.com.yaml")}:5:20: warning TM053: alias shop@example.com expired on 2026-11-01 (3 days ago), " +
            "so plans make it disabled; if that is meant, write state: disabled instead of expires (or remove the alias), else move expires to a later date");
        lines[1].ShouldStartWith("::warning file=");
        lines[1].ShouldContain(",line=5,col=20,title=TM053::alias shop@example.com expired on 2026-11-01");
    }

    [Fact]
    public async Task Validate_ExpiryStillAhead_SaysNothingAboutIt()
    {
        using var config = ExpiredTrial();

        var (exitCode, output, errors) = await RunApartAsync(
            new TestEnvironment(), new FakeTimeProvider(new DateTimeOffset(2026, 10, 31, 23, 59, 59, TimeSpan.Zero)), "validate", "--config", config.Directory);

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldStartWith("valid:");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Validate_ErrorAndWarning_CountsOnlyTheErrorAndExitsOne()
    {
        using var config = ExpiredTrial().With("other.yaml", "domain: example.com\naliases:\n  post: { destination: nobody@example.org }");

        var (exitCode, output, errors) = await RunApartAsync(
            new TestEnvironment(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero)), "validate", "--config", config.Directory);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("error TM031");
        output.ShouldContain("1 error(s) in 1 file(s)");
        errors.ShouldContain("warning TM053");
    }

    private static TempConfig ExpiredTrial() =>
        new TempConfig().WithMain().With(
            "example.com.yaml",
            "domain: example.com\ndefault_destination: me@example.net\naliases:\n  bank: {}\n  shop: { expires: 2026-11-01 }");

    [Fact]
    public void Format_Warning_SaysWarningInTheLineAndTheAnnotation()
    {
        var warning = new Diagnostics.Diagnostic("a.yaml", 3, 4, "TM053", "expired", Diagnostics.DiagnosticSeverity.Warning);

        DiagnosticReporter.Format(warning).ShouldBe("a.yaml:3:4: warning TM053: expired");
        DiagnosticReporter.FormatGitHub(warning).ShouldBe("::warning file=a.yaml,line=3,col=4,title=TM053::expired");
    }
}
