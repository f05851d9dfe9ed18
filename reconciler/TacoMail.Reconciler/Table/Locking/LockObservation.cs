namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// Someone else's lease as a waiting run saw it, and since when — by the waiting run's own
/// clock. The holder changes the lease's version with every renewal and stops writing before
/// a lease duration has passed since its last renewal; so a lease seen unchanged for longer than
/// that is dead, whatever the two machines' clocks say. Only a lease whose stored expiry lies
/// more than <see cref="LockOptions.ClockSkewAllowance"/> in the past is judged by that expiry.
/// </summary>
/// <param name="Lease">The lease as last read.</param>
/// <param name="SeenAt">When it was first read in this shape (wall clock).</param>
/// <param name="SeenTimestamp">The same moment on the monotonic clock.</param>
internal sealed record LockObservation(LockInfo Lease, DateTimeOffset SeenAt, long SeenTimestamp)
{
    /// <summary>
    /// The observation after reading <paramref name="current"/>: the old one if the lease is the
    /// same (same id, version and expiry), else a new one from now. Call it after the read
    /// returned, so the clock starts no earlier than the renewal it saw.
    /// </summary>
    public static LockObservation Next(LockObservation? previous, LockInfo current, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(clock);
        return previous is not null && IsSameLease(previous.Lease, current)
            ? previous
            : new LockObservation(current, clock.GetUtcNow(), clock.GetTimestamp());
    }

    /// <summary>How long the lease has been seen unchanged: the shorter of the wall and monotonic clocks' answers.</summary>
    public TimeSpan UnchangedFor(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var wall = clock.GetUtcNow() - SeenAt;
        var monotonic = clock.GetElapsedTime(SeenTimestamp);
        return wall < monotonic ? wall : monotonic;
    }

    /// <summary>True when the lease is certainly dead: unrenewed for longer than a lease, or expired beyond any allowed clock skew.</summary>
    public bool MayTakeOver(TimeProvider clock, LockOptions options)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        return UnchangedFor(clock) > options.LeaseDuration
            || clock.GetUtcNow() > Lease.Expires + options.ClockSkewAllowance;
    }

    private static bool IsSameLease(LockInfo a, LockInfo b) =>
        a.LockId == b.LockId && a.Version == b.Version && a.Expires == b.Expires;
}
