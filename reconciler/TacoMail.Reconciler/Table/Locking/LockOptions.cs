namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// Lease timing. A lease lapses unless renewed, so a killed apply blocks others for at most
/// <see cref="LeaseDuration"/> (plus <see cref="ClockSkewAllowance"/> for a run that does not
/// wait); renewing every third of it survives a failed renewal, and writes stop while the lease
/// still has <see cref="SafetyMargin"/> to run, before anyone else can take it.
/// </summary>
/// <param name="LeaseDuration">How long an unrenewed lease holds.</param>
/// <param name="RenewInterval">How often a held lease is renewed.</param>
/// <param name="PollInitialDelay">First wait between attempts when waiting for a held lock; doubles up to <paramref name="PollMaxDelay"/>.</param>
/// <param name="PollMaxDelay">Longest wait between attempts.</param>
/// <param name="SafetyMargin">A holder writes only while its lease holds for at least this long by its own clock: time for one write to land.</param>
/// <param name="ClockSkewAllowance">
/// How far apart two machines' clocks may be. A lease whose stored expiry is this far in the past
/// by the reader's clock may be taken at once; otherwise only after the reader saw it unrenewed
/// for a whole <paramref name="LeaseDuration"/>, which no clock offset can fool.
/// </param>
internal sealed record LockOptions(
    TimeSpan LeaseDuration,
    TimeSpan RenewInterval,
    TimeSpan PollInitialDelay,
    TimeSpan PollMaxDelay,
    TimeSpan SafetyMargin,
    TimeSpan ClockSkewAllowance)
{
    public static LockOptions Default { get; } = ForLease(TimeSpan.FromSeconds(60));

    /// <summary>Options renewing every third of <paramref name="leaseDuration"/>, with a quarter of it as the safety margin and ten minutes' skew allowance.</summary>
    public static LockOptions ForLease(TimeSpan leaseDuration) =>
        new(leaseDuration, leaseDuration / 3, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10), leaseDuration / 4, TimeSpan.FromMinutes(10));

    /// <exception cref="ArgumentOutOfRangeException">
    /// A non-positive time, renewal not shorter than the lease, or a safety margin that the lease
    /// does not keep until its first renewal.
    /// </exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(LeaseDuration, TimeSpan.FromSeconds(1), nameof(LeaseDuration));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RenewInterval, TimeSpan.Zero, nameof(RenewInterval));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(RenewInterval, LeaseDuration, nameof(RenewInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInitialDelay, TimeSpan.Zero, nameof(PollInitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(PollMaxDelay, PollInitialDelay, nameof(PollMaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SafetyMargin, TimeSpan.Zero, nameof(SafetyMargin));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(SafetyMargin, LeaseDuration - RenewInterval, nameof(SafetyMargin));
        ArgumentOutOfRangeException.ThrowIfLessThan(ClockSkewAllowance, TimeSpan.Zero, nameof(ClockSkewAllowance));
    }
}
