using static TacoMail.Testing.CliRunner;

namespace TacoMail.Reconciler.Tests.Cli;

/// <summary>Every command's <c>--help</c> renders whole: a description is Spectre markup, so a stray bracket breaks it.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    [InlineData("apply")]
    [InlineData("init")]
    [InlineData("export")]
    [InlineData("route")]
    [InlineData("contact")]
    [InlineData("force-unlock")]
    [InlineData("fetch")]
    [InlineData("queue")]
    [InlineData("dynamodb-local")]
    public async Task Help_EveryCommand_RendersItsOptions(string command)
    {
        var (exitCode, output) = await RunAsync(command, "--help");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("OPTIONS:");
        output.ShouldContain("--help");
        output.ShouldNotContain("error:");
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
