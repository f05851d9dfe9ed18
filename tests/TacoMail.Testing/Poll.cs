namespace TacoMail.Testing;

/// <summary>
/// Waits for a condition that real I/O in the background makes true (a lease renewed against
/// DynamoDB Local), where there is no event to await. It counts attempts, never reads a clock, and
/// no test asserts how long it took.
/// </summary>
public static class Poll
{
    private const int MaxAttempts = 3_000;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <exception cref="TimeoutException">The condition stayed false for every attempt.</exception>
    public static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (condition())
            {
                return;
            }

            await Task.Delay(Interval, cancellationToken);
        }

        throw new TimeoutException($"The condition stayed false for {MaxAttempts} attempts.");
    }

    /// <summary>Completes when <paramref name="token"/> is cancelled (a lease is lost), or throws when <paramref name="cancellationToken"/> is.</summary>
    public static async Task UntilCancelledAsync(CancellationToken token, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = token.Register(() => cancelled.TrySetResult());
        await cancelled.Task.WaitAsync(cancellationToken);
    }
}
