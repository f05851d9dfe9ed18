using System.Text;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Runtime;

/// <summary>The loop against the real client and the loopback emulator.</summary>
public sealed partial class RuntimeLoopTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private readonly RuntimeApiEmulator _emulator;
    private readonly RecordingTraceIds _traceIds = new();
    private readonly StringWriter _log = new();
    private RuntimeApiClient _client = null!;

    public RuntimeLoopTests()
    {
        _emulator = RuntimeApiEmulator.Start(_clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _client = new RuntimeApiClient(_emulator.Address);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_SeveralEventsOneThrows_ReportsThatErrorAndAnswersTheOthersInOrder()
    {
        foreach (var (id, body) in new[] { ("a", "one"), ("b", "throw"), ("c", "three"), ("d", "four") })
        {
            _emulator.Enqueue(EmulatedEvent.Text(id, body));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = Loop(UpperCaseOrThrow).RunAsync(stop.Token);
        var last = await _emulator.WaitForOutcomeAsync("d", Timeout);
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => running.WaitAsync(Timeout, Ct));

        _emulator.Records.Select(r => (r.Kind, r.RequestId, r.BodyText.Length > 20 ? "(error)" : r.BodyText)).ShouldBe(
        [
            (EmulatorRecord.Response, "a", "ONE"),
            (EmulatorRecord.Error, "b", "(error)"),
            (EmulatorRecord.Response, "c", "THREE"),
            (EmulatorRecord.Response, "d", "FOUR"),
        ]);
        var error = _emulator.Records[1];
        error.ErrorType.ShouldBe("InvalidOperationException");
        error.BodyText.ShouldContain("\"errorMessage\":\"asked to throw\"");
        _log.ToString().ShouldContain("Invocation b failed: InvalidOperationException: asked to throw");
        last.BodyText.ShouldBe("FOUR");
    }

    [Fact]
    public async Task RunAsync_CancelledBetweenInvocations_ThrowsAsWhenCancelledWhileWaiting()
    {
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        // The loop sees the cancellation at its check, not inside a call: it must still say it was cancelled.
        await Should.ThrowAsync<OperationCanceledException>(() => Loop(UpperCaseOrThrow).RunAsync(stop.Token));
        _emulator.Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task InvokeOnceAsync_DeadlineHeader_ReachesTheHandler()
    {
        var deadline = _clock.GetUtcNow().AddMinutes(5);
        _emulator.Enqueue(new EmulatedEvent("r1", "{}"u8.ToArray(), deadline, "arn:aws:lambda:eu-west-1:1:function:f", "Root=1-abc"));
        InvocationContext? seen = null;

        await Loop((request, context, _) =>
        {
            seen = context;
            return Task.FromResult<Stream>(new MemoryStream());
        }).InvokeOnceAsync(Ct);

        seen.ShouldBe(new InvocationContext("r1", deadline, "arn:aws:lambda:eu-west-1:1:function:f"));
        _traceIds.TraceIds.ShouldBe(["Root=1-abc"]);
        (await _emulator.WaitForOutcomeAsync("r1", Timeout)).Kind.ShouldBe(EmulatorRecord.Response);
    }

    private RuntimeLoop Loop(LambdaHandler handler) => new(_client, handler, _clock, _traceIds, _log);

    private static async Task<Stream> UpperCaseOrThrow(Stream request, InvocationContext context, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return text == "throw"
            ? throw new InvalidOperationException("asked to throw")
            : new MemoryStream(Encoding.UTF8.GetBytes(text.ToUpperInvariant()));
    }
}
