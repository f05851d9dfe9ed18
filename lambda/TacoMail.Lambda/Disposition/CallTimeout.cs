namespace TacoMail.Lambda.Disposition;

/// <summary>
/// The cancellation of one remote call: the caller's token or a timeout on the injected clock,
/// whichever comes first. Dispose to release the timer.
/// </summary>
internal sealed class CallTimeout : IDisposable
{
    /// <summary>Longer timeouts are not armed (an unknown deadline is <see cref="DateTimeOffset.MaxValue"/>).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(1);

    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public CallTimeout(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        _timeout = timeout > LongestTimer
            ? new CancellationTokenSource()
            : new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
