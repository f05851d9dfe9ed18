namespace TacoMail.Lambda.Runtime;

/// <summary>
/// A token cancelled <see cref="Margin"/> before an invocation's deadline (or when the caller's
/// token is), so a handler has time to fall back and answer before Lambda kills the process.
/// </summary>
internal sealed class DeadlineCancellation : IDisposable
{
    /// <summary>Time left to a cancelled handler to answer its fail-safe response.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(500);

    /// <summary>Timers longer than this are not armed (an unknown deadline is <see cref="DateTimeOffset.MaxValue"/>).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(1);

    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public DeadlineCancellation(DateTimeOffset deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var remaining = deadline - time.GetUtcNow() - Margin;
        _timer = remaining > LongestTimer
            ? new CancellationTokenSource()
            : new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, cancellationToken);
    }

    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
