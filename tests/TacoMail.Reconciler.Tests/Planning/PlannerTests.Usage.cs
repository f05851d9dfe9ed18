using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed partial class PlannerTests
{
    [Theory]
    [InlineData(AliasState.Active, "me@gmail.com", AliasState.Paused)]
    [InlineData(AliasState.Active, "me@gmail.com", AliasState.Disabled)]
    [InlineData(AliasState.Paused, "me@gmail.com", AliasState.Disabled)]
    [InlineData(AliasState.Active, "S3", AliasState.Active)]
    [InlineData(AliasState.Disabled, "S3", AliasState.Disabled)]
    public void Plan_UpdateThatStopsOrRedirects_CarriesUsage(AliasState before, string destination, AliasState after)
    {
        var desired = Desired([Spec("shop@example.com", destination, after)]);
        var actual = Actual([Record("shop@example.com", state: before, useCount: 9)], desired);

        var change = PlanOf(desired, actual).AliasChanges.ShouldHaveSingleItem();

        change.Usage.ShouldBe(new AliasUsage(9, null, IsRecent: false));
    }

    [Theory]
    [InlineData(AliasState.Paused, AliasState.Active)]
    [InlineData(AliasState.Disabled, AliasState.Active)]
    public void Plan_UpdateThatOnlyResumes_CarriesNoUsage(AliasState before, AliasState after)
    {
        var desired = Desired([Spec("shop@example.com", state: after)]);
        var actual = Actual([Record("shop@example.com", state: before)], desired);

        var plan = PlanOf(desired, actual);

        plan.AliasChanges.ShouldHaveSingleItem().Usage.ShouldBeNull();
        plan.Impact.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_CreateDeleteAndRename_OnlyDeleteAndRenameCarryUsage()
    {
        var desired = Desired([Spec("new@example.com"), Spec("shop@example.com")], [new Rename(Key("oldshop@example.com"), Key("shop@example.com"))]);
        var actual = Actual([Record("gone@example.com", useCount: 2), Record("oldshop@example.com", useCount: 5)], desired);

        var plan = PlanOf(desired, actual);

        plan.AliasChanges.Select(c => (c.Key.FullAddress, c.Usage?.UseCount))
            .ShouldBe([("gone@example.com", 2L), ("new@example.com", null), ("shop@example.com", 5L)]);
        plan.Impact.Select(c => c.Affected!.FullAddress).ShouldBe(["gone@example.com", "oldshop@example.com"]);
    }

    [Fact]
    public void Plan_LastUsedWithinThirtyDaysOfTheClock_CountsAsRecent()
    {
        var clock = new FakeTimeProvider(PlanTime.Now);
        var desired = Desired([]);
        var actual = Actual(
            [
                Used("edge@example.com", clock.GetUtcNow().AddDays(-30)),
                Used("old@example.com", clock.GetUtcNow().AddDays(-30).AddSeconds(-1)),
                Used("today@example.com", clock.GetUtcNow().AddMinutes(-5)),
                Record("unknown@example.com"),
            ],
            desired);

        var plan = Planner.Plan(desired, actual, SafetyThresholds.Default with { MinAliases = int.MaxValue }, clock.GetUtcNow());

        plan.AliasChanges.Select(c => (c.Key.LocalPart, c.Usage!.IsRecent))
            .ShouldBe([("edge", true), ("old", false), ("today", true), ("unknown", false)]);
        plan.RecentlyUsed.ShouldBe(2);
        plan.AliasChanges[3].Usage!.LastUsed.ShouldBeNull();
    }

    [Fact]
    public void Plan_SameStateLaterClock_SameChangesButNoLongerRecent()
    {
        var clock = new FakeTimeProvider(PlanTime.Now);
        var desired = Desired([]);
        var actual = Actual([Used("shop@example.com", clock.GetUtcNow().AddDays(-1))], desired);
        var thresholds = SafetyThresholds.Default with { MinAliases = int.MaxValue };
        var first = Planner.Plan(desired, actual, thresholds, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromDays(30));

        var later = Planner.Plan(desired, actual, thresholds, clock.GetUtcNow());

        (first.RecentlyUsed, later.RecentlyUsed).ShouldBe((1, 0));
        later.ChangesDigest.ShouldBe(first.ChangesDigest);
    }

    [Fact]
    public void Plan_OnlyUsageDiffers_HasNoChanges()
    {
        var desired = Desired([Spec("shop@example.com")]);
        var actual = Actual([Used("shop@example.com", PlanTime.Now.AddDays(-1)) with { UseCount = 500 }], desired);

        PlanOf(desired, actual).HasChanges.ShouldBeFalse();
    }

    private static AliasRecord Used(string address, DateTimeOffset lastUsed) =>
        Record(address) with { LastUsedDatetime = lastUsed.ToUnixTimeSeconds() };
}
