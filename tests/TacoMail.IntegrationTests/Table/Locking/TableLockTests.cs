using Microsoft.Extensions.Time.Testing;
using TacoMail.IntegrationTests.Table.Writing;
using TacoMail.Reconciler.Table.Locking;
using TacoMail.Reconciler.Table.Reading;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.Time;

namespace TacoMail.IntegrationTests.Table.Locking;

public sealed class TableLockTests(DynamoDbLocalFixture fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly LockOptions Options = LockOptions.ForLease(Lease) with
    {
        PollInitialDelay = TimeSpan.FromMilliseconds(20),
        PollMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    private static readonly LockHolder Alice = new("alice@laptop", "laptop", 4242);
    private static readonly LockHolder Bob = new("octocat (GitHub Actions run 42)", "runner-1", 7);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acquire_FreeTable_WritesTheLeaseWhichTheReaderIgnores()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);

        await using var lease = await Lock(table, table.Clock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);

        var item = (await table.GetAsync("lock@tacomail-config", Cancellation)).ShouldNotBeNull();
        item.ToDictionary(a => a.Key, a => a.Value.S ?? a.Value.N).ShouldBe(new Dictionary<string, string>
        {
            ["sub_domain"] = "tacomail-config",
            ["alias_address"] = "lock",
            ["lock_id"] = "lock-1",
            ["owner"] = "alice@laptop",
            ["host"] = "laptop",
            ["pid"] = "4242",
            ["started"] = TestTable.Start.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["expires"] = (TestTable.Start + Lease).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["version"] = "0",
        }, ignoreOrder: true);
        lease.LockId.ShouldBe("lock-1");
        var actual = await table.ReadAsync(Cancellation);
        actual.Aliases.ShouldBeEmpty();
        actual.Unreadable.ShouldBeEmpty();
    }

    [Fact]
    public async Task Acquire_HeldLock_FailsFastNamingHolderSinceWhenAndLockId()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await using var held = await Lock(table, table.Clock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        table.Clock.Advance(TimeSpan.FromSeconds(5));

        var exception = await Should.ThrowAsync<LockHeldException>(
            () => Lock(table, table.Clock, "lock-2").AcquireAsync(Bob, TimeSpan.Zero, Cancellation));

        exception.Message.ShouldBe(
            $"Table '{table.Name}' is locked by alice@laptop on laptop (pid 4242) since 2025-05-01T10:00:00Z "
            + "(lock id lock-1, lease until 2025-05-01T10:00:30Z). Wait (see --lock-timeout), or run "
            + "'tacomail force-unlock lock-1' if that run is dead.");
        exception.Current.Holder.ShouldBe(Alice);
        table.Requests["PutItem"].ShouldBe(2);
    }

    [Fact]
    public async Task Acquire_LeaseExpiredBeyondTheSkewAllowance_IsTakenOverAtOnceAndTheOldHolderCannotReleaseIt()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var deadClock = new FakeTimeProvider(TestTable.Start);
        var dead = await Lock(table, deadClock, "lock-dead").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var laterClock = new FakeTimeProvider(TestTable.Start + Lease + Options.ClockSkewAllowance + TimeSpan.FromSeconds(1));

        await using var lease = await Lock(table, laterClock, "lock-new").AcquireAsync(Bob, TimeSpan.Zero, Cancellation);
        await dead.DisposeAsync();

        lease.Info.Holder.ShouldBe(Bob);
        (await Lock(table, laterClock).ReadAsync(Cancellation)).ShouldNotBeNull().LockId.ShouldBe("lock-new");
    }

    [Fact]
    public async Task Acquire_LeaseExpiredWithinTheSkewAllowance_IsStillHeldForARunThatDoesNotWait()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await using var held = await Lock(table, new FakeTimeProvider(TestTable.Start), "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var laterClock = new FakeTimeProvider(TestTable.Start + Lease + Options.ClockSkewAllowance);

        await Should.ThrowAsync<LockHeldException>(() => Lock(table, laterClock, "lock-2").AcquireAsync(Bob, TimeSpan.Zero, Cancellation));

        (await Lock(table, laterClock).ReadAsync(Cancellation)).ShouldNotBeNull().LockId.ShouldBe("lock-1");
    }

    [Fact]
    public async Task Acquire_WithTimeout_WaitsUntilTheHolderReleases()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var held = await Lock(table, table.Clock).AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var clock = new TimerTrackingTimeProvider(TestTable.Start);

        var waiting = Lock(table, clock).AcquireAsync(Bob, TimeSpan.FromSeconds(30), Cancellation);
        for (var poll = 1; poll <= 3; poll++)
        {
            await clock.WaitForTimerDueWithinAsync(Options.PollMaxDelay, Cancellation);
            clock.Advance(Options.PollMaxDelay);
        }

        await clock.WaitForTimerDueWithinAsync(Options.PollMaxDelay, Cancellation);
        waiting.IsCompleted.ShouldBeFalse();
        await held.DisposeAsync();

        await using var lease = await clock.AdvanceWhileWaitingAsync(waiting, Options.PollMaxDelay, Options.PollMaxDelay, Cancellation);
        lease.Info.Holder.ShouldBe(Bob);
        table.Requests["PutItem"].ShouldBeGreaterThan(3, "it polled while the lock was held");
    }

    [Fact]
    public async Task Acquire_WithTimeout_StillHeldAtTheEnd_FailsSayingItWaited()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await using var held = await Lock(table, table.Clock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var clock = new TimerTrackingTimeProvider(TestTable.Start);

        var exception = await Should.ThrowAsync<LockHeldException>(() => clock.AdvanceWhileWaitingAsync(
            Lock(table, clock).AcquireAsync(Bob, TimeSpan.FromMilliseconds(300), Cancellation), Options.PollMaxDelay, Options.PollMaxDelay, Cancellation));

        exception.Message.ShouldContain("(lock id lock-1, lease until ");
        exception.Message.ShouldContain("), still after waiting 0.3 s. Wait (see --lock-timeout)");
        clock.GetUtcNow().ShouldBeGreaterThanOrEqualTo(TestTable.Start + TimeSpan.FromMilliseconds(300), "it waited out its timeout on its own clock");
    }

    [Fact]
    public async Task Lease_Renewal_KeepsItPastItsInitialExpiry()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await using var lease = await Lock(table, table.Clock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);

        for (var renewal = 1; renewal <= 4; renewal++)
        {
            table.Clock.Advance(Options.RenewInterval);
            var expected = TestTable.Start + Lease + (Options.RenewInterval * renewal);
            await Poll.UntilAsync(() => lease.Info.Expires == expected, Cancellation);
        }

        table.Clock.GetUtcNow().ShouldBeGreaterThan(TestTable.Start + Lease);
        lease.IsLost.ShouldBeFalse();
        (await Lock(table, table.Clock).ReadAsync(Cancellation)).ShouldNotBeNull().Expires.ShouldBe(lease.Info.Expires);
        await Should.ThrowAsync<LockHeldException>(() => Lock(table, table.Clock).AcquireAsync(Bob, TimeSpan.Zero, Cancellation));
    }

    [Fact]
    public async Task Lease_ForceUnlockedByOthers_SignalsTheLossAtTheNextRenewal()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await using var lease = await Lock(table, table.Clock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        await Lock(table, table.Clock).ForceUnlockAsync("lock-1", Cancellation);

        table.Clock.Advance(Options.RenewInterval);

        await Poll.UntilCancelledAsync(lease.LostToken, Cancellation);
        lease.LostToken.IsCancellationRequested.ShouldBeTrue();
        lease.LostReason.ShouldBe($"The lock on table '{table.Name}' was lost: the lease was taken over or force-unlocked by someone else.");
        (await table.GetAsync("lock@tacomail-config", Cancellation)).ShouldBeNull("a lost lease does not come back");
    }

    [Fact]
    public async Task Lease_LostDuringAnApply_StopsTheApply()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await using var lease = await Lock(table, table.Clock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        await Lock(table, table.Clock).ForceUnlockAsync("lock-1", Cancellation);
        table.Clock.Advance(Options.RenewInterval);
        await Poll.UntilCancelledAsync(lease.LostToken, Cancellation);
        var plan = await table.PlanAsync(TestTable.Desired([TestTable.Spec("shop@example.com")]), Cancellation);
        table.Requests.Reset();

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => table.Applier().ApplyAsync(plan, null, lease.LostToken));

        exception.WasCancelled.ShouldBeTrue();
        table.Requests.Writes.ShouldBe(0);
    }

    [Fact]
    public async Task Lease_DisposedAfterAFailedApply_ReleasesTheLock()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var tableLock = Lock(table, table.Clock);

        await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await using var lease = await tableLock.AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
            throw new InvalidOperationException("the apply failed");
        });

        (await table.GetAsync("lock@tacomail-config", Cancellation)).ShouldBeNull();
        await using var next = await tableLock.AcquireAsync(Bob, TimeSpan.Zero, Cancellation);
        next.Info.Holder.ShouldBe(Bob);
    }

    [Fact]
    public async Task ForceUnlock_CurrentLockId_RemovesTheLeaseAndSaysWhoseItWas()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var lease = await Lock(table, new FakeTimeProvider(TestTable.Start), "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);

        var removed = await Lock(table, table.Clock).ForceUnlockAsync("lock-1", Cancellation);

        removed.ShouldBe(lease.Info);
        (await table.GetAsync("lock@tacomail-config", Cancellation)).ShouldBeNull();
        await lease.DisposeAsync();
        await using var next = await Lock(table, table.Clock).AcquireAsync(Bob, TimeSpan.Zero, Cancellation);
    }

    [Fact]
    public async Task ForceUnlock_WrongLockId_FailsNamingTheCurrentLockAndKeepsIt()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await using var lease = await Lock(table, table.Clock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);

        var exception = await Should.ThrowAsync<ForceUnlockException>(() => Lock(table, table.Clock).ForceUnlockAsync("lock-9", Cancellation));

        exception.Message.ShouldBe(
            $"Lock id 'lock-9' is not the lock on table '{table.Name}': it is held by alice@laptop on laptop (pid 4242) since "
            + "2025-05-01T10:00:00Z with lock id lock-1. Nothing was changed; if that run is dead, run 'tacomail force-unlock lock-1'.");
        (await table.GetAsync("lock@tacomail-config", Cancellation)).ShouldNotBeNull()[LockAttributes.LockId].S.ShouldBe("lock-1");
    }

    [Fact]
    public async Task ForceUnlock_NoLock_SaysThereIsNothingToUnlock()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);

        var exception = await Should.ThrowAsync<ForceUnlockException>(() => Lock(table, table.Clock).ForceUnlockAsync("lock-1", Cancellation));

        exception.Message.ShouldBe($"Table '{table.Name}' is not locked; there is nothing to unlock.");
        (await table.ReadAsync(Cancellation)).Aliases.ShouldBeEmpty();
        (await table.GetAsync($"{TableContract.ConfigLockKey}@{TableContract.ConfigPartition}", Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Acquire_NoSuchTable_SaysToRunInit()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);

        var exception = await Should.ThrowAsync<TableReadException>(
            () => new TableLock(table.Client, "no-such-table", Options, table.Clock).AcquireAsync(Alice, TimeSpan.Zero, Cancellation));

        exception.Message.ShouldStartWith("Table 'no-such-table' does not exist: run 'tacomail init'");
    }

    private static TableLock Lock(TestTable table, TimeProvider clock, string? lockId = null) =>
        new(table.Client, table.Name, Options, clock, lockId is null ? null : () => lockId);
}
