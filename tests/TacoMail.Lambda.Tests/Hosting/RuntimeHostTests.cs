using TacoMail.Lambda.Hosting;

namespace TacoMail.Lambda.Tests.Hosting;

/// <summary>Mode (a) in-process, against the loopback emulator.</summary>
public sealed class RuntimeHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly RuntimeApiEmulator _emulator = RuntimeApiEmulator.Start();
    private readonly StringWriter _log = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _emulator.DisposeAsync();

    [Theory]
    [InlineData("no-such-handler", "Runtime.NoSuchHandler")]
    [InlineData("disposition", "Runtime.ConfigInvalid")]
    [InlineData(TestHandlers.Crashing, "Runtime.UnknownReason")]
    public async Task RunAsync_BadStartup_ReportsAnInitErrorAndExitsWithError(string handler, string errorType)
    {
        var exitCode = await Host(("_HANDLER", handler)).RunAsync(_emulator.Address, Ct);

        exitCode.ShouldBe(BootstrapExitCodes.Error);
        var initError = await _emulator.WaitForInitErrorAsync(Timeout);
        initError.ErrorType.ShouldBe(errorType);
        initError.BodyText.ShouldContain($"\"errorType\":\"{errorType}\"");
        _emulator.PollCount.ShouldBe(0);
        _log.ToString().ShouldContain($"Init failed ({errorType})");
    }

    [Fact]
    public async Task RunAsync_NoHandlerNamed_ReportsNoSuchHandler()
    {
        (await Host().RunAsync(_emulator.Address, Ct)).ShouldBe(BootstrapExitCodes.Error);

        (await _emulator.WaitForInitErrorAsync(Timeout)).ErrorType.ShouldBe("Runtime.NoSuchHandler");
    }

    [Fact]
    public async Task RunAsync_HandlerFromTacomailHandler_ServesEventsUntilCancelled()
    {
        _emulator.Enqueue(EmulatedEvent.Text("r1", "first"));
        _emulator.Enqueue(EmulatedEvent.Text("r2", "second"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var running = Host(("_HANDLER", "ignored"), ("TACOMAIL_HANDLER", TestHandlers.Echo)).RunAsync(_emulator.Address, stop.Token);
        (await _emulator.WaitForOutcomeAsync("r1", Timeout)).BodyText.ShouldBe("first");
        (await _emulator.WaitForOutcomeAsync("r2", Timeout)).BodyText.ShouldBe("second");
        await stop.CancelAsync();

        (await running.WaitAsync(Timeout, Ct)).ShouldBe(BootstrapExitCodes.Ok);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiGone_ExitsWithError()
    {
        var address = _emulator.Address;
        await _emulator.DisposeAsync();

        (await Host(("_HANDLER", TestHandlers.Echo)).RunAsync(address, Ct)).ShouldBe(BootstrapExitCodes.Error);

        _log.ToString().ShouldContain("Runtime API failure, exiting");
    }

    [Fact]
    public async Task RunAsync_RuntimeApiNotHostAndPort_ExitsWithError()
    {
        (await Host(("_HANDLER", TestHandlers.Echo)).RunAsync("http://nowhere/", Ct)).ShouldBe(BootstrapExitCodes.Error);

        _log.ToString().ShouldContain("is not a host:port");
    }

    private RuntimeHost Host(params (string, string)[] variables) =>
        new(TestHandlers.Create, new TestEnvironmentVariables(variables), TimeProvider.System, _log);
}
