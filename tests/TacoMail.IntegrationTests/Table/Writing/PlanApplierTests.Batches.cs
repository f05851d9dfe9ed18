using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Model;
using static TacoMail.IntegrationTests.Table.Writing.TestTable;

namespace TacoMail.IntegrationTests.Table.Writing;

public sealed partial class PlanApplierTests
{
    [Fact]
    public async Task Apply_ManyCreatesAndDeletes_GoInBatchesOf25InParallel()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        var all = Enumerable.Range(0, 260).Select(i => Spec($"a{i:D3}@d{i % 3}.example")).ToList();
        var reports = new List<ApplyProgress>();
        var progress = new SynchronousProgress<ApplyProgress>(p => { lock (reports) { reports.Add(p); } });

        var created = await table.Applier(parallelism: 4).ApplyAsync(await table.PlanAsync(Desired(all), Cancellation), progress, Cancellation);

        created.Summary.ShouldBe(new PlanSummary(260, 0, 0, 0));
        table.Requests["BatchWriteItem"].ShouldBe(11);
        reports.Count.ShouldBe(262);
        reports.Select(r => r.Done).Order().ShouldBe(Enumerable.Range(1, 262));
        reports.ShouldAllBe(r => r.Total == 262);
        var actual = await table.ReadAsync(Cancellation);
        actual.Aliases.Keys.ShouldBe(all.Select(a => a.Key).Order());
        actual.Aliases.Values.Select(r => r.Identifier).Distinct().Count().ShouldBe(260);
        actual.Aliases.Values.ShouldAllBe(r => r.UseCount == 0 && r.CreatedDatetime == table.Now && r.ModifiedDatetime == table.Now);

        table.Requests.Reset();
        var kept = all.Where((_, i) => i % 2 == 0).ToList();
        var deleted = await table.Applier(parallelism: 4).ApplyAsync(await table.PlanAsync(Desired(kept), Cancellation), null, Cancellation);

        deleted.Summary.ShouldBe(new PlanSummary(0, 0, 130, 0));
        table.Requests["BatchWriteItem"].ShouldBe(6);
        (await table.ReadAsync(Cancellation)).Aliases.Keys.ShouldBe(kept.Select(a => a.Key).Order());
    }

    [Fact]
    public async Task Apply_MixedPlan_DoesEachActionAndSummarisesIt()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("keep@example.com"), Spec("change@example.com"), Spec("drop@example.com"), Spec("from@example.com")]), Cancellation);

        var result = await table.ConvergeAsync(
            Desired([Spec("keep@example.com"), Spec("change@example.com", state: AliasState.Paused), Spec("to@example.com"), Spec("new@example.com")],
                ("from@example.com", "to@example.com")),
            Cancellation);

        result.Summary.ShouldBe(new PlanSummary(1, 1, 1, 1));
        result.Describe().ShouldBe("1 created, 1 updated, 1 deleted, 1 renamed, 0 configuration items written");
        result.AliasChanges.Select(c => $"{c.Change.Action} {c.Change.Key}").ShouldBe(
            ["Update change@example.com", "Delete drop@example.com", "Create new@example.com", "Rename to@example.com"]);
        (await table.PlanAsync(Desired([Spec("keep@example.com"), Spec("change@example.com", state: AliasState.Paused), Spec("to@example.com"), Spec("new@example.com")],
            ("from@example.com", "to@example.com")), Cancellation)).HasChanges.ShouldBeFalse();
    }
}
