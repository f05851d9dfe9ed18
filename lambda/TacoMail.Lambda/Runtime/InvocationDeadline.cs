namespace TacoMail.Lambda.Runtime;

/// <summary>
/// An invocation's deadline on the injected clock, and the token that stops its work in time.
/// Lambda kills the function at its deadline and SES waits at most 30 s for a RequestResponse
/// answer: either way a late answer is no answer. So <see cref="Token"/> is cancelled
/// <see cref="ResponseReserve"/> before the deadline (or with the caller's token), leaving a
/// cancelled handler time to answer its fail-safe response, and no remote call should start with
/// less than <see cref="MinimumForCall"/> left (<see cref="AllowsCall"/>). Dispose to release the timer.
/// </summary>
internal sealed class InvocationDeadline : IDisposable
{
    /// <summary>Timers longer than this are not armed (an unknown deadline is <see cref="DateTimeOffset.MaxValue"/>).</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(1);

    private readonly DateTimeOffset _deadline;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    /// <param name="deadline">When Lambda ends the invocation.</param>
    /// <param name="time">The clock the deadline is read on.</param>
    /// <param name="cancellationToken">The caller's token (shutdown); <see cref="Token"/> follows it.</param>
    public InvocationDeadline(DateTimeOffset deadline, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        _deadline = deadline;
        _time = time;
        var untilCancel = Remaining - ResponseReserve;
        _timer = untilCancel > LongestTimer
            ? new CancellationTokenSource()
            : new CancellationTokenSource(untilCancel > TimeSpan.Zero ? untilCancel : TimeSpan.Zero, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, cancellationToken);
    }

    /// <summary>The least time left for a remote call to be worth starting.</summary>
    public static TimeSpan MinimumForCall { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Time left to a cancelled handler to answer its fail-safe response.</summary>
    public static TimeSpan ResponseReserve { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cancelled <see cref="ResponseReserve"/> before the deadline, or with the caller's token.</summary>
    public CancellationToken Token => _linked.Token;

    public TimeSpan Remaining => _deadline - _time.GetUtcNow();

    /// <summary>Whether there is time to start a remote call.</summary>
    public bool AllowsCall => Remaining >= MinimumForCall;

    /// <summary>For error messages: <c>"0.4 s left"</c>.</summary>
    public string Describe() => $"{Math.Max(0, Remaining.TotalSeconds):0.0} s left";

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
