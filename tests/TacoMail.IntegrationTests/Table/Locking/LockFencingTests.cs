using Microsoft.Extensions.Time.Testing;
using TacoMail.IntegrationTests.Table.Writing;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Locking;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Model;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.Time;

namespace TacoMail.IntegrationTests.Table.Locking;

/// <summary>The lock fences the applier's writes, and skewed clocks cannot take a live lease (issue 10, point 7), against DynamoDB Local.</summary>
public sealed class LockFencingTests(DynamoDbLocalFixture fixture)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TwoMinutes = TimeSpan.FromMinutes(2);
    private static readonly LockOptions Options = LockOptions.ForLease(Lease) with
    {
        PollInitialDelay = TimeSpan.FromMilliseconds(20),
        PollMaxDelay = TimeSpan.FromMilliseconds(100),
    };

    private static readonly LockHolder Alice = new("alice@laptop", "laptop", 4242);
    private static readonly LockHolder Bob = new("octocat (GitHub Actions run 42)", "runner-1", 7);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_UnderAHeldLease_WritesEveryKindOfChange()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(TestTable.Desired([TestTable.Spec("shop@example.com"), TestTable.Spec("old@example.com")]), Cancellation);
        await using var lease = await Lock(table, table.Clock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var desired = TestTable.Desired(
            [TestTable.Spec("shop@example.com", state: AliasState.Paused), TestTable.Spec("new@example.com"), TestTable.Spec("bank@example.org", "s3@example.net")],
            ("old@example.com", "new@example.com"));
        var plan = await table.PlanAsync(desired, Cancellation);

        var result = await table.Applier().ApplyAsync(plan, lease, null, Cancellation);

        result.Summary.ShouldBe(new PlanSummary(Create: 1, Update: 1, Delete: 0, Rename: 1));
        result.ConfigItems.ShouldBe(2);
        (await table.PlanAsync(desired, Cancellation)).HasChanges.ShouldBeFalse();
        lease.IsLost.ShouldBeFalse();
    }

    [Fact]
    public async Task Apply_RenewalsFailUntilTheLeaseIsInDoubt_WritesNothing()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        using var leaseClient = new PartitionedClient(fixture.Endpoint);
        await using var lease = await new TableLock(leaseClient, table.Name, Options, table.Clock, () => "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        leaseClient.Partitioned = true;
        for (var renewal = 1; renewal <= 2; renewal++)
        {
            table.Clock.Advance(Options.RenewInterval);
            await leaseClient.FailedUpdates.WaitForAsync(renewal, Cancellation);
        }

        // 20 s after the last renewal the 30 s lease still had 10 s, more than the 7.5 s margin; 3 s later it has not.
        lease.IsLost.ShouldBeFalse();
        lease.HeldFor().ShouldBe(TimeSpan.FromSeconds(10));
        table.Clock.Advance(TimeSpan.FromSeconds(3));
        var plan = await table.PlanAsync(TestTable.Desired([TestTable.Spec("shop@example.com"), TestTable.Spec("bank@example.com")]), Cancellation);
        table.Requests.Reset();

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => table.Applier().ApplyAsync(plan, lease, null, Cancellation));

        table.Requests.Writes.ShouldBe(0);
        exception.Partial.Total.ShouldBe(0);
        exception.InnerException.ShouldBeOfType<FenceLapsedException>().Message.ShouldBe(
            $"The lease on the lock of table '{table.Name}' is in doubt: it holds for 7 s more by this machine's clock, less than the 7.5 s "
            + "a write needs (it runs out at 2025-05-01T10:00:30Z; the last renewal failed: The network is partitioned (test)). Nothing more is written.");
        (await table.ReadAsync(Cancellation)).Aliases.ShouldBeEmpty();
    }

    [Fact]
    public async Task Apply_LeaseLapsesMidway_WritesNothingMoreAndSaysWhatWasDone()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        using var leaseClient = new PartitionedClient(fixture.Endpoint);
        await using var lease = await new TableLock(leaseClient, table.Name, Options, table.Clock, () => "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var plan = await table.PlanAsync(TestTable.Desired([.. Enumerable.Range(0, 60).Select(i => TestTable.Spec($"a{i:00}@example.com"))]), Cancellation);
        table.Requests.Reset();

        // After the first change is done the process "pauses": its clock jumps past the lease and renewals cannot get through.
        var progress = new SynchronousProgress<ApplyProgress>(p =>
        {
            if (p.Done == 1)
            {
                leaseClient.Partitioned = true;
                table.Clock.Advance(Lease);
            }
        });
        var exception = await Should.ThrowAsync<ApplyFailedException>(() => table.Applier(parallelism: 1).ApplyAsync(plan, lease, progress, Cancellation));

        exception.Partial.Total.ShouldBe(1);
        table.Requests.Writes.ShouldBe(1, "the first configuration item, and nothing after it");
        exception.InnerException.ShouldBeOfType<FenceLapsedException>();
        exception.Message.ShouldContain("1 of 62 changes were made before it stopped");
        (await table.ReadAsync(Cancellation)).Aliases.ShouldBeEmpty();
    }

    [Fact]
    public async Task Apply_LeaseTakenOverWhileTheHolderThinksItValid_IsRefusedByDynamoDb()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(TestTable.Desired([TestTable.Spec("shop@example.com")]), Cancellation);
        var frozen = new FakeTimeProvider(TestTable.Start);
        await using var stale = await Lock(table, frozen, "lock-stale").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var takerClock = new FakeTimeProvider(TestTable.Start);
        var taker = Lock(table, takerClock, "lock-new");
        await Should.ThrowAsync<LockHeldException>(() => taker.AcquireAsync(Bob, TimeSpan.Zero, Cancellation));
        takerClock.Advance(Lease + TimeSpan.FromSeconds(1));
        await using var taken = await taker.AcquireAsync(Bob, TimeSpan.Zero, Cancellation);
        var plan = await table.PlanAsync(TestTable.Desired([TestTable.Spec("shop@example.com", state: AliasState.Disabled)]), Cancellation);

        // The stale holder's clock says its lease holds for 30 s more: only the check in DynamoDB can stop it.
        stale.HeldFor().ShouldBe(Lease);
        var exception = await Should.ThrowAsync<ApplyFailedException>(() => table.Applier().ApplyAsync(plan, stale, null, Cancellation));

        exception.InnerException.ShouldBeOfType<FenceLapsedException>().Message.ShouldBe(
            $"DynamoDB refused a write because the lock item of table '{table.Name}' no longer holds this run's lease "
            + "(it lapsed, was taken over or was force-unlocked); nothing more is written");
        exception.Partial.Total.ShouldBe(0);
        (await table.RecordAsync("shop@example.com", Cancellation)).State.ShouldBe(AliasState.Active);
        (await taker.ReadAsync(Cancellation)).ShouldNotBeNull().LockId.ShouldBe("lock-new");
    }

    [Fact]
    public async Task Acquire_ClockTwoMinutesFast_CannotTakeALiveLease()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var holderClock = new FakeTimeProvider(TestTable.Start);
        var fastClock = new FakeTimeProvider(TestTable.Start + TwoMinutes);
        await using var lease = await Lock(table, holderClock, "lock-1").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var taker = Lock(table, fastClock, "lock-2");

        // By the fast clock the stored expiry is long past; the holder keeps renewing for twice the lease.
        fastClock.GetUtcNow().ShouldBeGreaterThan(lease.Info.Expires + Lease);
        for (var renewal = 1; renewal <= 6; renewal++)
        {
            await Should.ThrowAsync<LockHeldException>(() => taker.AcquireAsync(Bob, TimeSpan.Zero, Cancellation));
            holderClock.Advance(Options.RenewInterval);
            fastClock.Advance(Options.RenewInterval);
            await Poll.UntilAsync(() => lease.Info.Version == renewal, Cancellation);
        }

        await Should.ThrowAsync<LockHeldException>(() => taker.AcquireAsync(Bob, TimeSpan.Zero, Cancellation));
        lease.IsLost.ShouldBeFalse();
        (await taker.ReadAsync(Cancellation)).ShouldNotBeNull().LockId.ShouldBe("lock-1");
        lease.EnsureHeld();
    }

    [Fact]
    public async Task Acquire_ClockTwoMinutesFast_TakesOverALeaseOnlyAfterSeeingItUnrenewedForALease()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var deadClock = new FakeTimeProvider(TestTable.Start);
        var fastClock = new FakeTimeProvider(TestTable.Start + TwoMinutes);
        var dead = await Lock(table, deadClock, "lock-dead").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var taker = Lock(table, fastClock, "lock-new");

        await Should.ThrowAsync<LockHeldException>(() => taker.AcquireAsync(Bob, TimeSpan.Zero, Cancellation));
        fastClock.Advance(Lease);
        await Should.ThrowAsync<LockHeldException>(() => taker.AcquireAsync(Bob, TimeSpan.Zero, Cancellation));
        fastClock.Advance(TimeSpan.FromSeconds(1));
        await using var lease = await taker.AcquireAsync(Bob, TimeSpan.Zero, Cancellation);

        lease.Info.Holder.ShouldBe(Bob);
        lease.Info.Version.ShouldBe(0);
        deadClock.Advance(Lease);
        await Poll.UntilCancelledAsync(dead.LostToken, Cancellation);
        Should.Throw<FenceLapsedException>(dead.EnsureHeld).Message.ShouldStartWith(
            $"The lock on table '{table.Name}' was lost: the lease was taken over or force-unlocked by someone else.");
        await dead.DisposeAsync();
        (await taker.ReadAsync(Cancellation)).ShouldNotBeNull().LockId.ShouldBe("lock-new");
    }

    [Fact]
    public async Task Acquire_WaitingWithATimeout_TakesOverADeadLeaseAfterALeaseOnItsOwnClock()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var dead = await Lock(table, new FakeTimeProvider(TestTable.Start), "lock-dead").AcquireAsync(Alice, TimeSpan.Zero, Cancellation);
        var fastClock = new TimerTrackingTimeProvider(TestTable.Start + TwoMinutes);

        var waiting = Lock(table, fastClock, "lock-new").AcquireAsync(Bob, TimeSpan.FromMinutes(5), Cancellation);

        // Each time the waiter sleeps between polls, its clock moves on half a second.
        await using var lease = await fastClock.AdvanceWhileWaitingAsync(waiting, TimeSpan.FromMilliseconds(500), Options.PollMaxDelay, Cancellation);
        lease.Info.Holder.ShouldBe(Bob);
        (fastClock.GetUtcNow() - (TestTable.Start + TwoMinutes)).ShouldBeGreaterThan(Lease);
        await dead.DisposeAsync();
    }

    private static TableLock Lock(TestTable table, TimeProvider clock, string? lockId = null) =>
        new(table.Client, table.Name, Options, clock, lockId is null ? null : () => lockId);
}
