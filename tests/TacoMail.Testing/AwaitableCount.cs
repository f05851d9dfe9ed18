namespace TacoMail.Testing;

/// <summary>
/// A count that a test can await reaching a value: the event a fake or an emulator counts (polls,
/// failed calls) is awaited instead of polled for with a sleep.
/// </summary>
public sealed class AwaitableCount
{
    private readonly Lock _lock = new();
    private readonly List<(int Target, TaskCompletionSource Reached)> _waiters = [];
    private int _value;

    public int Value
    {
        get
        {
            lock (_lock)
            {
                return _value;
            }
        }
    }

    /// <returns>The new value.</returns>
    public int Increment()
    {
        List<TaskCompletionSource> reached;
        int value;
        lock (_lock)
        {
            value = ++_value;
            reached = [.. _waiters.Where(w => w.Target <= value).Select(w => w.Reached)];
            _waiters.RemoveAll(w => w.Target <= value);
        }

        foreach (var waiter in reached)
        {
            waiter.TrySetResult();
        }

        return value;
    }

    /// <summary>Completes once the count is at least <paramref name="target"/>.</summary>
    public Task WaitForAsync(int target, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_value >= target)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((target, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }
}
