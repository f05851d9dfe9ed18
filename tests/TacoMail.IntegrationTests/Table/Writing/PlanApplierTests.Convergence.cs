using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;
using static TacoMail.IntegrationTests.Table.Writing.TestTable;

namespace TacoMail.IntegrationTests.Table.Writing;

public sealed partial class PlanApplierTests
{
    [Fact]
    public async Task Apply_CancelledMidway_StopsReportsWhatWasDoneAndARerunConverges()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        var existing = Enumerable.Range(0, 60).Select(i => Spec($"old{i:D2}@example.com")).ToList();
        await table.ConvergeAsync(Desired(existing), Cancellation);
        var before = (await table.ReadAsync(Cancellation)).Aliases;

        // 20 updated, 20 renamed, 10 deleted, 10 kept, plus 2,000 created.
        var renames = Enumerable.Range(20, 20).Select(i => ($"old{i:D2}@example.com", $"moved{i:D2}@example.org")).ToList();
        var desired = Desired(
            existing.Take(20).Select(s => s with { Destination = "S3" })
                .Concat(renames.Select(r => Spec(r.Item2)))
                .Concat(existing.Skip(50))
                .Concat(Enumerable.Range(0, 2000).Select(i => Spec($"n{i:D4}@d{i % 5}.example"))),
            renames);
        var plan = await table.PlanAsync(desired, Cancellation);
        plan.Summary.ShouldBe(new PlanSummary(2000, 20, 10, 20));
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var progress = new SynchronousProgress<ApplyProgress>(p =>
        {
            if (p.Done == 300)
            {
                cancel.Cancel();
            }
        });

        var stopped = await Should.ThrowAsync<ApplyFailedException>(() => table.Applier().ApplyAsync(plan, progress, cancel.Token));

        stopped.WasCancelled.ShouldBeTrue();
        stopped.Planned.ShouldBe(2052);
        stopped.Partial.Total.ShouldBeInRange(300, 2051);
        stopped.Message.ShouldStartWith($"apply was cancelled. {stopped.Partial.Total} of 2052 changes were made before it stopped (");
        var midway = await table.ReadAsync(Cancellation);
        foreach (var done in stopped.Partial.AliasChanges.Where(c => c.Change.Action == ChangeAction.Create))
        {
            midway.Aliases[done.Change.Key].Identifier.ShouldBe(done.Identifier, "a change is reported done only once DynamoDB confirmed it");
        }

        midway.Aliases.Count.ShouldBe(60 + stopped.Partial.Summary.Create - stopped.Partial.Summary.Delete);

        table.Clock.Advance(TimeSpan.FromMinutes(1));
        var rerun = await table.ConvergeAsync(desired, Cancellation);

        (stopped.Partial.Total + rerun.Total).ShouldBe(2052);
        var after = await table.ReadAsync(Cancellation);
        after.Unreadable.ShouldBeEmpty();
        after.Aliases.Values.Select(AliasSpec.Of).ShouldBe(desired.Aliases.Values);
        foreach (var kept in existing.Take(20).Concat(existing.Skip(50)))
        {
            after.Aliases[kept.Key].Identifier.ShouldBe(before[kept.Key].Identifier);
            after.Aliases[kept.Key].CreatedDatetime.ShouldBe(before[kept.Key].CreatedDatetime);
        }

        foreach (var (from, to) in renames)
        {
            after.Aliases[Key(to)].Identifier.ShouldBe(before[Key(from)].Identifier);
        }

        after.Aliases.Values.Select(r => r.Identifier).Distinct().Count().ShouldBe(2050);
        Planner.Plan(desired, after, SafetyThresholds.Default, TestTable.Start).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public async Task Apply_TokenAlreadyCancelled_WritesNothing()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        var plan = await table.PlanAsync(Desired([Spec("shop@example.com")]), Cancellation);
        table.Requests.Reset();

        var exception = await Should.ThrowAsync<ApplyFailedException>(
            () => table.Applier().ApplyAsync(plan, null, new CancellationToken(canceled: true)));

        exception.WasCancelled.ShouldBeTrue();
        exception.Partial.Total.ShouldBe(0);
        table.Requests.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Apply_OneChangeFails_StopsLaunchingWorkAndReportsWhatWasDone()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("a@example.com"), Spec("b@example.com")]), Cancellation);
        var desired = Desired(
            new[] { Spec("a@example.com", "S3"), Spec("b@example.com", "S3") }
                .Concat(Enumerable.Range(0, 100).Select(i => Spec($"n{i:D3}@example.com", "S3"))));
        var plan = await table.PlanAsync(desired, Cancellation);
        await table.Client.DeleteItemAsync(table.Name, ItemKeyCodec.Encode(Key("b@example.com")), Cancellation);

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => table.Applier(parallelism: 1).ApplyAsync(plan, null, Cancellation));

        exception.WasCancelled.ShouldBeFalse();
        exception.Partial.AliasChanges.Select(c => $"{c.Change.Action} {c.Change.Key}").ShouldBe(["Update a@example.com"]);
        exception.Partial.ConfigChanges.Select(c => c.Kind).ShouldBe([ConfigSetKind.Destinations]);
        exception.Message.ShouldBe(
            "apply failed: Could not update b@example.com: it was deleted by someone else during the apply; run apply again to recreate it. "
            + "2 of 103 changes were made before it stopped (0 created, 1 updated, 0 deleted, 0 renamed, 1 configuration item written). "
            + "Running apply again continues from the table as it is now.");
        (await table.ReadAsync(Cancellation)).Aliases.Keys.ShouldBe([Key("a@example.com")]);

        await table.ConvergeAsync(desired, Cancellation);
        (await table.ReadAsync(Cancellation)).Aliases.Values.Select(AliasSpec.Of).ShouldBe(desired.Aliases.Values);
    }
}
