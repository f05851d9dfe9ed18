using Microsoft.Extensions.Time.Testing;

namespace TacoMail.Testing.Time;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which of its timers are armed and when they are due,
/// so that a test moves time on exactly when the code under test waits — for a backoff, a poll
/// interval — instead of sleeping and hoping it has got there. A short wait is one due within the
/// horizon a test names; longer ones (a deadline, a lease renewal) are left alone unless the test
/// advances to them itself.
/// </summary>
public sealed class TimerTrackingTimeProvider : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TrackedTimer, DateTimeOffset> _armed = [];
    private TaskCompletionSource _changed = NewSignal();

    public TimerTrackingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new TrackedTimer(this);
        timer.Arm(dueTime, period);
        timer.Attach(base.CreateTimer(s => timer.Fire(callback, s), state, dueTime, period));
        return timer;
    }

    /// <summary>Whether a timer is armed to fire within <paramref name="horizon"/> of now.</summary>
    public bool HasTimerDueWithin(TimeSpan horizon)
    {
        var limit = GetUtcNow() + horizon;
        lock (_lock)
        {
            return _armed.Values.Any(due => due <= limit);
        }
    }

    /// <summary>Completes once a timer is armed to fire within <paramref name="horizon"/> of now: the code waits.</summary>
    public async Task WaitForTimerDueWithinAsync(TimeSpan horizon, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Changed();
            if (HasTimerDueWithin(horizon))
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Awaits <paramref name="work"/>, advancing by <paramref name="step"/> whenever a timer is armed
    /// within <paramref name="horizon"/> and the work has not finished; in between it waits for the
    /// work or for a timer, never for real time.
    /// </summary>
    public async Task<T> AdvanceWhileWaitingAsync<T>(Task<T> work, TimeSpan step, TimeSpan horizon, CancellationToken cancellationToken)
    {
        await AdvanceWhileWaitingAsync((Task)work, step, horizon, cancellationToken);
        return await work;
    }

    /// <inheritdoc cref="AdvanceWhileWaitingAsync{T}"/>
    public async Task AdvanceWhileWaitingAsync(Task work, TimeSpan step, TimeSpan horizon, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        while (!work.IsCompleted)
        {
            var changed = Changed();
            if (HasTimerDueWithin(horizon))
            {
                Advance(step);
                continue;
            }

            await Task.WhenAny(work, changed).WaitAsync(cancellationToken);
        }

        await work;
    }

    /// <summary>Records that <paramref name="timer"/> fires next at <paramref name="due"/>, or not at all (null).</summary>
    internal void Track(TrackedTimer timer, DateTimeOffset? due)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            if (due is { } next)
            {
                _armed[timer] = next;
            }
            else
            {
                _armed.Remove(timer);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task Changed()
    {
        lock (_lock)
        {
            return _changed.Task;
        }
    }
}
