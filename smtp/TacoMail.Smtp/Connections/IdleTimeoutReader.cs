using System.Buffers;
using System.IO.Pipelines;

namespace TacoMail.Smtp.Connections;

/// <summary>
/// The client's side of a connection, where every read waits at most the idle timeout for new
/// bytes, as Postfix's <c>smtpd_timeout</c> does, and no read waits past the session's deadline.
/// SmtpServer bounds only the wait for a whole command; inside <c>DATA</c> a client that stops
/// sending would hold the session until SmtpServer's session timeout, which answers 554 (a
/// rejection: the sender would bounce the message) followed by 221. So a read that times out calls
/// <c>timedOut</c> (true when the deadline, not idleness, ended it; the callback answers 421 and
/// closes) and then reads as the end of the stream: a
/// command loop stops, and a message without its final dot is never stored.
/// </summary>
internal sealed class IdleTimeoutReader(
    PipeReader inner,
    TimeSpan idleTimeout,
    DateTimeOffset deadline,
    TimeProvider time,
    Func<bool, CancellationToken, ValueTask> timedOut,
    Action completing) : PipeReader
{
    private bool _timedOut;

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_timedOut)
        {
            return Ended;
        }

        var left = deadline - time.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return await TimeOutAsync(sessionOver: true, cancellationToken).ConfigureAwait(false);
        }

        var sessionOver = left < idleTimeout;
        using var timer = new CancellationTokenSource(sessionOver ? left : idleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await inner.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return await TimeOutAsync(sessionOver, cancellationToken).ConfigureAwait(false);
        }
    }

    public override bool TryRead(out ReadResult result)
    {
        if (_timedOut)
        {
            result = Ended;
            return true;
        }

        return inner.TryRead(out result);
    }

    public override void AdvanceTo(SequencePosition consumed)
    {
        if (!_timedOut)
        {
            inner.AdvanceTo(consumed);
        }
    }

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        if (!_timedOut)
        {
            inner.AdvanceTo(consumed, examined);
        }
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    /// <summary>The session stops reading: <c>completing</c> runs before the inner reader closes the socket.</summary>
    public override void Complete(Exception? exception = null)
    {
        completing();
        inner.Complete(exception);
    }

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        completing();
        await inner.CompleteAsync(exception).ConfigureAwait(false);
    }

    private async ValueTask<ReadResult> TimeOutAsync(bool sessionOver, CancellationToken cancellationToken)
    {
        _timedOut = true;
        await timedOut(sessionOver, cancellationToken).ConfigureAwait(false);
        return Ended;
    }

    private static ReadResult Ended => new(ReadOnlySequence<byte>.Empty, isCanceled: false, isCompleted: true);
}
