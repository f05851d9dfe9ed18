using System.Globalization;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Hosting;

/// <summary>Mode (b): <c>invoke --handler NAME --event FILE</c>, through the entry point.</summary>
public sealed class InvokeCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tacomail-invoke-").FullName;
    private readonly MemoryStream _output = new();
    private readonly StringWriter _error = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Output => Encoding.UTF8.GetString(_output.ToArray());

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task Invoke_EchoOnAFile_PrintsTheResponseAndExitsOk()
    {
        var file = EventFile("""{"Records":[]}""");

        var exitCode = await RunAsync("invoke", "--handler", TestHandlers.Echo, "--event", file);

        exitCode.ShouldBe(BootstrapExitCodes.Ok);
        Output.ShouldBe("{\"Records\":[]}\n");
        _error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_AnyHandler_GetsALocalRequestIdAndADeadline30SecondsAway()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-29T12:00:00Z", CultureInfo.InvariantCulture));
        LambdaHandler handler = (_, context, _) =>
            Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes($"{context.RequestId[..6]} {context.Deadline:O} {context.FunctionArn ?? "-"}")));

        var exitCode = await new LambdaEntryPoint(_ => handler, new TestEnvironmentVariables(), time, _output, _error)
            .RunAsync(["invoke", "--handler", "context", "--event", EventFile("{}")], Ct);

        exitCode.ShouldBe(BootstrapExitCodes.Ok);
        Output.ShouldBe("local- 2026-11-29T12:00:30.0000000+00:00 -\n");
    }

    [Fact]
    public async Task Invoke_ResponseEndsWithANewline_AddsNoOther()
    {
        var file = EventFile("line\n");

        (await RunAsync("invoke", $"--event={file}", $"--handler={TestHandlers.Echo}")).ShouldBe(BootstrapExitCodes.Ok);

        Output.ShouldBe("line\n");
    }

    [Fact]
    public async Task Invoke_UnknownHandler_ExitsWithErrorNamingTheKnownOnes()
    {
        var exitCode = await RunAsync("invoke", "--handler", "tacomail-echo", "--event", EventFile("{}"));

        exitCode.ShouldBe(BootstrapExitCodes.Error);
        _error.ToString().ShouldBe("error: Unknown handler 'tacomail-echo'; this binary serves delivery, disposition.\n");
        Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_BadConfiguration_ExitsWithTheConfigurationMessage()
    {
        (await RunAsync("invoke", "--handler", "disposition", "--event", EventFile("{}"))).ShouldBe(BootstrapExitCodes.Error);

        _error.ToString().ShouldBe("error: Invalid configuration: TACOMAIL_TABLE is not set.\n");
    }

    [Fact]
    public async Task Invoke_HandlerThrows_ExitsWithErrorAndTheException()
    {
        (await RunAsync("invoke", "--handler", TestHandlers.Throwing, "--event", EventFile("{}"))).ShouldBe(BootstrapExitCodes.Error);

        _error.ToString().ShouldBe("error: The 'throwing' handler failed: InvalidOperationException: handler broke\n");
        Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_MissingEventFile_ExitsWithError()
    {
        var missing = Path.Combine(_directory, "missing.json");

        (await RunAsync("invoke", "--handler", TestHandlers.Echo, "--event", missing)).ShouldBe(BootstrapExitCodes.Error);

        _error.ToString().ShouldStartWith($"error: Cannot read the event file '{missing}': ");
    }

    [Theory]
    [InlineData("Missing --event FILE.", "--handler", "echo")]
    [InlineData("Missing --handler NAME.", "--event", "e.json")]
    [InlineData("Option '--handler' needs a value.", "--handler")]
    [InlineData("Option '--handler' needs a value.", "--handler", "--event", "e.json")]
    [InlineData("Unknown option '--verbose'.", "--verbose")]
    public async Task Invoke_BadArguments_ExitsWithErrorSayingWhat(string message, params string[] args)
    {
        (await RunAsync(["invoke", .. args])).ShouldBe(BootstrapExitCodes.Error);

        _error.ToString().ShouldBe($"error: {message} Usage: invoke --handler NAME --event FILE (see --help).\n");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("invoke", "--help")]
    [InlineData("invoke", "--handler", "x", "-h")]
    public async Task Help_PrintsUsageListingTheHandlers(params string[] args)
    {
        (await RunAsync(args)).ShouldBe(BootstrapExitCodes.Ok);

        Output.ShouldContain("invoke --handler NAME --event FILE");
        Output.ShouldContain("Handlers: delivery, disposition");
    }

    [Fact]
    public async Task NoArguments_OutsideLambda_ExitsWithErrorAndUsage()
    {
        (await RunAsync()).ShouldBe(BootstrapExitCodes.Error);

        _error.ToString().ShouldStartWith("error: AWS_LAMBDA_RUNTIME_API is not set, so this is not a Lambda environment.\n");
        _error.ToString().ShouldContain("Usage");
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithErrorAndUsage()
    {
        (await RunAsync("serve")).ShouldBe(BootstrapExitCodes.Error);

        _error.ToString().ShouldStartWith("error: Unknown command 'serve'.\n");
    }

    private string EventFile(string content)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    private Task<int> RunAsync(params string[] args) =>
        new LambdaEntryPoint(TestHandlers.Create, new TestEnvironmentVariables(), TimeProvider.System, _output, _error)
            .RunAsync(args, Ct);
}
