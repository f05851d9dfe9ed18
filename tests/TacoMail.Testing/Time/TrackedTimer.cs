namespace TacoMail.Testing.Time;

/// <summary>A fake timer that tells its <see cref="TimerTrackingTimeProvider"/> when it is armed, fires, changes or goes.</summary>
internal sealed class TrackedTimer(TimerTrackingTimeProvider clock) : ITimer
{
    private ITimer? _inner;
    private long _periodTicks = Timeout.InfiniteTimeSpan.Ticks;
    private int _disposed;

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    private bool IsPeriodic
    {
        get
        {
            var period = Interlocked.Read(ref _periodTicks);
            return period > 0 && period != Timeout.InfiniteTimeSpan.Ticks;
        }
    }

    /// <summary>Records when it is due; call before the fake timer exists, which may fire at once.</summary>
    public void Arm(TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Exchange(ref _periodTicks, period.Ticks);
        clock.Track(this, IsDisposed || dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime);
    }

    public void Attach(ITimer inner) => Volatile.Write(ref _inner, inner);

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        Arm(dueTime, period);
        return Volatile.Read(ref _inner)?.Change(dueTime, period) ?? false;
    }

    public void Fire(TimerCallback callback, object? state)
    {
        var next = !IsDisposed && IsPeriodic ? clock.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _periodTicks)) : (DateTimeOffset?)null;
        clock.Track(this, next);
        callback(state);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Volatile.Read(ref _inner)?.Dispose();
            clock.Track(this, null);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
