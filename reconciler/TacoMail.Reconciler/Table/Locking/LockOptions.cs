namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// Lease timing. A lease lapses unless renewed, so a killed apply blocks others for at most
/// <see cref="LeaseDuration"/>; renewing every third of it survives two failed renewals.
/// </summary>
/// <param name="LeaseDuration">How long an unrenewed lease holds.</param>
/// <param name="RenewInterval">How often a held lease is renewed.</param>
/// <param name="PollInitialDelay">First wait between attempts when waiting for a held lock; doubles up to <paramref name="PollMaxDelay"/>.</param>
/// <param name="PollMaxDelay">Longest wait between attempts.</param>
internal sealed record LockOptions(TimeSpan LeaseDuration, TimeSpan RenewInterval, TimeSpan PollInitialDelay, TimeSpan PollMaxDelay)
{
    public static LockOptions Default { get; } = ForLease(TimeSpan.FromSeconds(60));

    /// <summary>Options renewing every third of <paramref name="leaseDuration"/>.</summary>
    public static LockOptions ForLease(TimeSpan leaseDuration) =>
        new(leaseDuration, leaseDuration / 3, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));

    /// <exception cref="ArgumentOutOfRangeException">A non-positive time, or renewal not shorter than the lease.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseDuration, TimeSpan.FromSeconds(1), nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RenewInterval, TimeSpan.Zero, nameof(RenewInterval));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(RenewInterval, LeaseDuration, nameof(RenewInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInitialDelay, TimeSpan.Zero, nameof(PollInitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollMaxDelay, PollInitialDelay, nameof(PollMaxDelay));
    }
}
