using System.Text;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Runtime;

/// <summary>One iteration alone, against an in-memory Runtime API and a fake clock.</summary>
public sealed partial class RuntimeLoopTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task InvokeOnceAsync_HandlerAnswers_SendsTheResponse()
    {
        var api = new ScriptedRuntimeApiClient(ScriptedRuntimeApiClient.Invocation("r1", "hello", Now.AddSeconds(3), "Root=1-x"));
        var traceIds = new RecordingTraceIds();

        await new RuntimeLoop(api, UpperCaseOrThrow, new FakeTimeProvider(Now), traceIds, TextWriter.Null).InvokeOnceAsync(Ct);

        api.Responses.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            r => r.RequestId.ShouldBe("r1"),
            r => Encoding.UTF8.GetString(r.Body).ShouldBe("HELLO"));
        api.Errors.ShouldBeEmpty();
        traceIds.TraceIds.ShouldBe(["Root=1-x"]);
    }

    [Fact]
    public async Task InvokeOnceAsync_HandlerThrows_ReportsAnErrorAndSendsNoResponse()
    {
        var api = new ScriptedRuntimeApiClient(ScriptedRuntimeApiClient.Invocation("r1", "throw", Now.AddSeconds(3)));

        await new RuntimeLoop(api, UpperCaseOrThrow, new FakeTimeProvider(Now), new RecordingTraceIds(), TextWriter.Null).InvokeOnceAsync(Ct);

        api.Responses.ShouldBeEmpty();
        var (requestId, error) = api.Errors.ShouldHaveSingleItem();
        requestId.ShouldBe("r1");
        error.ErrorType.ShouldBe("InvalidOperationException");
        error.ErrorMessage.ShouldBe("asked to throw");
    }

    [Fact]
    public async Task InvokeOnceAsync_DeadlineNear_CancelsTheHandlersToken()
    {
        var time = new FakeTimeProvider(Now);
        var api = new ScriptedRuntimeApiClient(ScriptedRuntimeApiClient.Invocation("r1", "{}", Now.AddSeconds(3)));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = new RuntimeLoop(api, async (_, _, ct) =>
        {
            started.SetResult();
            await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct);
            return Stream.Null;
        }, time, new RecordingTraceIds(), TextWriter.Null);

        var invoking = loop.InvokeOnceAsync(Ct);
        await started.Task.WaitAsync(Timeout, Ct);
        time.Advance(TimeSpan.FromSeconds(3) - InvocationDeadline.ResponseReserve);
        await invoking.WaitAsync(Timeout, Ct);

        api.Errors.ShouldHaveSingleItem().Error.ErrorType.ShouldBe(nameof(TaskCanceledException));
    }

    [Fact]
    public async Task InvokeOnceAsync_ShutdownDuringTheHandler_ReportsNothing()
    {
        using var shutdown = new CancellationTokenSource();
        var api = new ScriptedRuntimeApiClient(ScriptedRuntimeApiClient.Invocation("r1", "{}", Now.AddSeconds(3)));
        var loop = new RuntimeLoop(api, async (_, _, ct) =>
        {
            await shutdown.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return Stream.Null;
        }, new FakeTimeProvider(Now), new RecordingTraceIds(), TextWriter.Null);

        await Should.ThrowAsync<OperationCanceledException>(() => loop.InvokeOnceAsync(shutdown.Token));

        api.Errors.ShouldBeEmpty();
        api.Responses.ShouldBeEmpty();
    }
}
