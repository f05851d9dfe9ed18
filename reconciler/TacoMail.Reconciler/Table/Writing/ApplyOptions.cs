namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// How hard the applier pushes and how long it keeps retrying. The SDK already retries throttling
/// and 5xx per call; these bound the applier's own retries on top (unprocessed batch items,
/// transaction conflicts, items changed by someone else since they were read).
/// </summary>
/// <param name="MaxParallelism">Write calls in flight at once.</param>
/// <param name="MaxAttempts">Attempts per batch, update or rename before the apply fails.</param>
/// <param name="BaseDelay">First backoff delay; doubles per attempt, with full jitter.</param>
/// <param name="MaxDelay">Cap on one backoff delay.</param>
internal sealed record ApplyOptions(int MaxParallelism, int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public const int DefaultMaxParallelism = 8;
    public const int DefaultMaxAttempts = 8;

    public static ApplyOptions Default { get; } =
        new(DefaultMaxParallelism, DefaultMaxAttempts, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5));

    /// <exception cref="ArgumentOutOfRangeException">A count below 1, or a negative or inverted delay.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxParallelism, 1, nameof(MaxParallelism));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
    }
}
