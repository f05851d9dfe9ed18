using TacoMail.Schema.Model;
using static TacoMail.IntegrationTests.Table.Writing.TestTable;

namespace TacoMail.IntegrationTests.Table.Writing;

public sealed partial class PlanApplierTests
{
    [Fact]
    public async Task Apply_UpdateOfAUsedAlias_KeepsUseCountAndLastUsed()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("shop@example.com")]), Cancellation);
        await table.CountMessageAsync("shop@example.com", 3, Cancellation);
        var lastUsed = table.Now;
        table.Clock.Advance(TimeSpan.FromDays(2));

        await table.ConvergeAsync(Desired([Spec("shop@example.com", "S3", AliasState.Paused)]), Cancellation);

        var record = await table.RecordAsync("shop@example.com", Cancellation);
        (record.Destination, record.State, record.ModifiedDatetime).ShouldBe(("S3", AliasState.Paused, table.Now));
        (record.UseCount, record.LastUsedDatetime).ShouldBe((3L, (long?)lastUsed));
    }

    [Fact]
    public async Task Apply_RenameOfAUsedAlias_CarriesUseCountAndLastUsed()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("oldshop@example.com")]), Cancellation);
        await table.CountMessageAsync("oldshop@example.com", 4, Cancellation);
        var lastUsed = table.Now;
        table.Clock.Advance(TimeSpan.FromDays(2));

        await table.ConvergeAsync(Desired([Spec("shop@example.com")], ("oldshop@example.com", "shop@example.com")), Cancellation);

        (await table.GetAsync("oldshop@example.com", Cancellation)).ShouldBeNull();
        var moved = await table.RecordAsync("shop@example.com", Cancellation);
        (moved.UseCount, moved.LastUsedDatetime).ShouldBe((4L, (long?)lastUsed));
    }

    [Fact]
    public async Task Plan_AfterUsageChanged_ShowsNoChanges()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        var desired = Desired([Spec("shop@example.com")]);
        await table.ConvergeAsync(desired, Cancellation);
        await table.CountMessageAsync("shop@example.com", 2, Cancellation);

        var plan = await table.PlanAsync(desired, Cancellation);

        plan.HasChanges.ShouldBeFalse();
        (await table.RecordAsync("shop@example.com", Cancellation)).LastUsedDatetime.ShouldBe(table.Now);
    }
}
