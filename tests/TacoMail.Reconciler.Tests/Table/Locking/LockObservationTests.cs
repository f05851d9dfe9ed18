using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Table.Locking;

namespace TacoMail.Reconciler.Tests.Table.Locking;

/// <summary>When a waiting run may take over someone else's lease, judged on its own clock.</summary>
public sealed class LockObservationTests
{
    private static readonly DateTimeOffset HolderNow = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly LockOptions Options = LockOptions.Default;
    private static readonly LockHolder Alice = new("alice@laptop", "laptop", 4242);

    [Fact]
    public void MayTakeOver_ClockTwoMinutesFast_NotALeaseJustSeenThoughItsExpiryIsPast()
    {
        var fast = new FakeTimeProvider(HolderNow + TimeSpan.FromMinutes(2));
        var lease = Lease(version: 0);

        var observed = LockObservation.Next(null, lease, fast);

        fast.GetUtcNow().ShouldBeGreaterThan(lease.Expires, "a bare expiry comparison would take this live lease");
        observed.MayTakeOver(fast, Options).ShouldBeFalse();
    }

    [Fact]
    public void MayTakeOver_ClockTwoMinutesFast_NotWhileTheHolderRenews()
    {
        var fast = new FakeTimeProvider(HolderNow + TimeSpan.FromMinutes(2));
        LockObservation? observed = null;

        for (var version = 0; version < 10; version++)
        {
            observed = LockObservation.Next(observed, Lease(version, renewedAfter: Options.RenewInterval * version), fast);
            observed.MayTakeOver(fast, Options).ShouldBeFalse($"version {version}");
            fast.Advance(Options.RenewInterval);
        }

        observed!.UnchangedFor(fast).ShouldBe(Options.RenewInterval);
    }

    [Fact]
    public void MayTakeOver_LeaseUnchangedForLongerThanALease_OnTheObserversClock()
    {
        var fast = new FakeTimeProvider(HolderNow + TimeSpan.FromMinutes(2));
        var observed = LockObservation.Next(null, Lease(version: 3), fast);

        fast.Advance(Options.LeaseDuration);
        LockObservation.Next(observed, Lease(version: 3), fast).ShouldBeSameAs(observed);
        observed.MayTakeOver(fast, Options).ShouldBeFalse("exactly one lease: the holder may still be writing");
        fast.Advance(TimeSpan.FromSeconds(1));

        observed.MayTakeOver(fast, Options).ShouldBeTrue();
    }

    [Fact]
    public void MayTakeOver_WallClockSteppedForward_CountsOnlyWhatTheMonotonicClockAlsoSaw()
    {
        var clock = new SteppingClock(HolderNow);
        var observed = LockObservation.Next(null, Lease(version: 0), clock);

        clock.StepWallClock(TimeSpan.FromMinutes(5));

        observed.UnchangedFor(clock).ShouldBe(TimeSpan.Zero);
        observed.MayTakeOver(clock, Options).ShouldBeFalse();
    }

    [Fact]
    public void MayTakeOver_ExpiryFurtherPastThanTheSkewAllowance_AtOnce()
    {
        var lease = Lease(version: 0);
        var justWithin = new FakeTimeProvider(lease.Expires + Options.ClockSkewAllowance);
        var beyond = new FakeTimeProvider(lease.Expires + Options.ClockSkewAllowance + TimeSpan.FromSeconds(1));

        LockObservation.Next(null, lease, justWithin).MayTakeOver(justWithin, Options).ShouldBeFalse();
        LockObservation.Next(null, lease, beyond).MayTakeOver(beyond, Options).ShouldBeTrue();
    }

    [Fact]
    public void Next_AnotherLockIdOrExpiry_StartsAfresh()
    {
        var clock = new FakeTimeProvider(HolderNow);
        var observed = LockObservation.Next(null, Lease(version: 0), clock);
        clock.Advance(TimeSpan.FromSeconds(50));

        LockObservation.Next(observed, Lease(version: 0) with { LockId = "lock-2" }, clock).UnchangedFor(clock).ShouldBe(TimeSpan.Zero);
        LockObservation.Next(observed, Lease(version: 0, renewedAfter: TimeSpan.FromSeconds(20)), clock).UnchangedFor(clock).ShouldBe(TimeSpan.Zero, "an older reconciler renews the expiry only");
        LockObservation.Next(observed, Lease(version: 0), clock).UnchangedFor(clock).ShouldBe(TimeSpan.FromSeconds(50));
    }

    [Fact]
    public void Validate_SafetyMarginTheLeaseDoesNotKeepUntilItsFirstRenewal_IsRefused()
    {
        Should.NotThrow(Options.Validate);
        Should.Throw<ArgumentOutOfRangeException>((Options with { SafetyMargin = Options.LeaseDuration - Options.RenewInterval }).Validate)
            .ParamName.ShouldBe(nameof(LockOptions.SafetyMargin));
        Should.Throw<ArgumentOutOfRangeException>((Options with { SafetyMargin = TimeSpan.Zero }).Validate)
            .ParamName.ShouldBe(nameof(LockOptions.SafetyMargin));
        Should.Throw<ArgumentOutOfRangeException>((Options with { ClockSkewAllowance = TimeSpan.FromSeconds(-1) }).Validate)
            .ParamName.ShouldBe(nameof(LockOptions.ClockSkewAllowance));
    }

    private static LockInfo Lease(long version, TimeSpan renewedAfter = default) =>
        new("lock-1", Alice, HolderNow, HolderNow + renewedAfter + Options.LeaseDuration, version);

    /// <summary>A clock whose wall time can jump (an NTP step) while its monotonic time stands still.</summary>
    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public override long GetTimestamp() => 0;

        public void StepWallClock(TimeSpan step) => _now += step;
    }
}
