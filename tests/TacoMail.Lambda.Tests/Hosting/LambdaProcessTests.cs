using System.Diagnostics;
using TacoMail.Lambda.Hosting;

namespace TacoMail.Lambda.Tests.Hosting;

/// <summary>
/// The real process: the built Lambda on the JIT runtime or the AOT bootstrap, talking to the
/// loopback emulator. The disposition handler serves events it cannot read, which it answers
/// CONTINUE without any AWS call.
/// </summary>
public sealed class LambdaProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private const string Continue = """{"disposition":"CONTINUE"}""";

    /// <summary>What the disposition needs to start; it never reaches the table for an unreadable event.</summary>
    private static readonly Dictionary<string, string> Configured = new()
    {
        ["TACOMAIL_TABLE"] = "tacomail-aliases",
        ["AWS_REGION"] = "us-east-1",
    };
    private readonly RuntimeApiEmulator _emulator = RuntimeApiEmulator.Start();
    private Process? _process;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public Task Process_Disposition_AnswersThroughTheRuntimeApiAndStopsOnSigterm() => AnswersAndStopsAsync(bootstrap: null);

    [Fact]
    public async Task AotBootstrap_Disposition_AnswersThroughTheRuntimeApiAndStopsOnSigterm() =>
        await AnswersAndStopsAsync(await AotBootstrap.LocateAsync());

    private async Task AnswersAndStopsAsync(string? bootstrap)
    {
        _emulator.Enqueue(EmulatedEvent.Text("p1", """{"n":1}"""));
        _emulator.Enqueue(EmulatedEvent.Text("p2", """{"n":2}"""));

        _process = LambdaProcess.Start(bootstrap, new Dictionary<string, string>(Configured)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = _emulator.Address,
            ["_HANDLER"] = HandlerNames.Disposition,
        });

        (await _emulator.WaitForOutcomeAsync("p1", Timeout)).BodyText.ShouldBe(Continue);
        (await _emulator.WaitForOutcomeAsync("p2", Timeout)).BodyText.ShouldBe(Continue);
        await _emulator.WaitForPollsAsync(3, Ct);
        LambdaProcess.SendSigterm(_process);
        await _process.WaitForExitAsync(Ct).WaitAsync(Timeout, Ct);
        _process.ExitCode.ShouldBe(BootstrapExitCodes.Ok);
    }

    [Fact]
    public async Task Process_UnknownHandler_ReportsAnInitErrorAndExitsWithError()
    {
        _process = LambdaProcess.Start(new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = _emulator.Address,
            ["_HANDLER"] = "bootstrap",
        });

        (await _emulator.WaitForInitErrorAsync(Timeout)).ErrorType.ShouldBe("Runtime.NoSuchHandler");
        await _process.WaitForExitAsync(Ct).WaitAsync(Timeout, Ct);
        _process.ExitCode.ShouldBe(BootstrapExitCodes.Error);
        (await _process.StandardError.ReadToEndAsync(Ct)).ShouldContain("Unknown handler 'bootstrap'");
    }

    [Fact]
    public async Task Process_InvokeCommand_PrintsTheResponse()
    {
        var file = Path.Combine(Path.GetTempPath(), $"tacomail-event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"Records":[{"eventSource":"aws:ses"}]}""", Ct);
        try
        {
            _process = LambdaProcess.Start(Configured, "invoke", "--handler", HandlerNames.Disposition, "--event", file);
            var output = await _process.StandardOutput.ReadToEndAsync(Ct);
            await _process.WaitForExitAsync(Ct).WaitAsync(Timeout, Ct);

            _process.ExitCode.ShouldBe(BootstrapExitCodes.Ok);
            output.ShouldBe(Continue + "\n");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
