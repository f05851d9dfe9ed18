using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Smtp.Connections;

namespace TacoMail.Smtp.Tests;

/// <summary>The idle timeout on a bare pipe, time moved by hand.</summary>
public sealed class IdleTimeoutReaderTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(300);

    private readonly Pipe _pipe = new();
    private readonly FakeTimeProvider _time = new();
    private int _timedOut;
    private bool _sessionOver;
    private int _completing;

    private IdleTimeoutReader Reader(TimeSpan? session = null) => new(_pipe.Reader, Idle, _time.GetUtcNow() + (session ?? TimeSpan.FromHours(1)), _time, (sessionOver, _) =>
    {
        _timedOut++;
        _sessionOver = sessionOver;
        return ValueTask.CompletedTask;
    }, () => _completing++);

    [Fact]
    public async Task ReadAsync_NothingForTheIdleTimeout_TimesOutOnceAndReadsAsTheEnd()
    {
        var reader = Reader();
        var read = reader.ReadAsync(TestContext.Current.CancellationToken);
        _time.Advance(Idle - TimeSpan.FromSeconds(1));
        read.IsCompleted.ShouldBeFalse();

        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await read.AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        result.IsCompleted.ShouldBeTrue();
        result.Buffer.IsEmpty.ShouldBeTrue();
        _timedOut.ShouldBe(1);
        _sessionOver.ShouldBeFalse();
        (await reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken))
            .IsCompleted.ShouldBeTrue();
        _timedOut.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_BytesBeforeTheTimeout_ReturnedAndTheNextReadWaitsAnew()
    {
        var reader = Reader();
        var first = reader.ReadAsync(TestContext.Current.CancellationToken);
        _time.Advance(Idle - TimeSpan.FromSeconds(1));
        await _pipe.Writer.WriteAsync(Encoding.ASCII.GetBytes("DATA\r\n"), TestContext.Current.CancellationToken);
        var result = await first;
        Encoding.ASCII.GetString(result.Buffer).ShouldBe("DATA\r\n");
        reader.AdvanceTo(result.Buffer.End);

        var second = reader.ReadAsync(TestContext.Current.CancellationToken);
        _time.Advance(Idle - TimeSpan.FromSeconds(1));

        second.IsCompleted.ShouldBeFalse();
        _timedOut.ShouldBe(0);
        _time.Advance(TimeSpan.FromSeconds(1));
        (await second.AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).IsCompleted.ShouldBeTrue();
        _timedOut.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_BytesKeepComingPastTheSessionDeadline_TimesOut()
    {
        var reader = Reader(session: TimeSpan.FromSeconds(10));
        var first = reader.ReadAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(6));
        await _pipe.Writer.WriteAsync("Subject: trickled"u8.ToArray(), TestContext.Current.CancellationToken);
        reader.AdvanceTo((await first).Buffer.End);

        var second = reader.ReadAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(3));
        second.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(1));

        (await second.AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).IsCompleted.ShouldBeTrue();
        _timedOut.ShouldBe(1);
        _sessionOver.ShouldBeTrue();
    }

    [Fact]
    public async Task ReadAsync_AfterTheSessionDeadline_TimesOutWithoutWaiting()
    {
        var reader = Reader(session: TimeSpan.FromSeconds(10));
        _time.Advance(TimeSpan.FromSeconds(10));

        var result = await reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        result.IsCompleted.ShouldBeTrue();
        _timedOut.ShouldBe(1);
        _sessionOver.ShouldBeTrue();
    }

    [Fact]
    public async Task ReadAsync_SessionCancelled_NotATimeout()
    {
        var reader = Reader();
        using var session = new CancellationTokenSource();
        var read = reader.ReadAsync(session.Token);

        await session.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(read.AsTask());
        _timedOut.ShouldBe(0);
    }

    [Fact]
    public async Task CompleteAsync_TheSessionStopsReading_CompletingRunsAndTheInnerReaderCompletes()
    {
        var reader = Reader();

        await reader.CompleteAsync();

        _completing.ShouldBe(1);
        var write = await _pipe.Writer.WriteAsync(new byte[] { 1 }, TestContext.Current.CancellationToken);
        write.IsCompleted.ShouldBeTrue();
    }
}
