using System.Text.RegularExpressions;
using static TacoMail.Testing.CliRunner;

namespace TacoMail.Reconciler.Tests.Cli;

/// <summary>Every command's <c>--help</c> renders whole: a description is Spectre markup, so a stray bracket breaks it.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_EveryCommandTheAppLists_RendersItsOptions()
    {
        var (rootExit, root) = await RunAsync("--help");
        rootExit.ShouldBe(0, root);
        var commands = root[root.IndexOf("COMMANDS:", StringComparison.Ordinal)..]
            .Split('\n')
            .Select(line => Regex.Match(line, "^ {4}([a-z][a-z-]*)"))
            .Where(match => match.Success)
            .Select(match => match.Groups[1].Value)
            .ToList();
        commands.ShouldContain("stats");
        commands.ShouldContain("drift");
        commands.Count.ShouldBeGreaterThan(12);

        foreach (var command in commands)
        {
            var (exitCode, output) = await RunAsync(command, "--help");

            exitCode.ShouldBe(0, output);
            output.ShouldContain("OPTIONS:", customMessage: command);
            output.ShouldContain("--help", customMessage: command);
            output.ShouldNotContain("error:", customMessage: command);
        }
    }

    [Fact]
    public async Task Help_Queue_ShowsTheMailBucketOptionsItShares()
    {
        var (_, output) = await RunAsync("queue", "--help");

        output.ShouldContain("--bucket <NAME>");
        output.ShouldContain("--endpoint-s3 <URL>");
        output.ShouldContain("\"messages\":[…]");
    }
}
