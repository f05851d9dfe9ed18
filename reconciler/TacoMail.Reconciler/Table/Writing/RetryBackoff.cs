namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Exponential backoff with jitter ("equal jitter": half the capped delay plus a random part of
/// the other half), so parallel writers that were throttled together do not retry together.
/// Delays run on the injected <see cref="TimeProvider"/>, so tests need not wait for real.
/// </summary>
internal sealed class RetryBackoff
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly Func<double> _jitter;

    /// <param name="timeProvider">Runs the delays.</param>
    /// <param name="baseDelay">The delay cap of the first retry.</param>
    /// <param name="maxDelay">The largest cap.</param>
    /// <param name="jitter">A number in [0, 1); <see cref="Random.Shared"/> when null.</param>
    public RetryBackoff(TimeProvider timeProvider, TimeSpan baseDelay, TimeSpan maxDelay, Func<double>? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, baseDelay);
        _timeProvider = timeProvider;
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _jitter = jitter ?? Random.Shared.NextDouble;
    }

    /// <summary>The delay before retry number <paramref name="attempt"/> (0 for the first retry).</summary>
    public TimeSpan DelayFor(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        var cap = _baseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(cap, _maxDelay.Ticks);
        return TimeSpan.FromTicks((long)((capped / 2) + (_jitter() * capped / 2)));
    }

    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task DelayAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(DelayFor(attempt), _timeProvider, cancellationToken);
}
