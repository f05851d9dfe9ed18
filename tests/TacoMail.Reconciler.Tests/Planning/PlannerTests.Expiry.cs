using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed partial class PlannerTests
{
    private static readonly DateTimeOffset ExpiryDay = new(2027, 3, 31, 0, 0, 0, TimeSpan.Zero);

    private static DesiredState WithExpiries(DesiredState desired, params ScheduledExpiry[] expiries) =>
        desired with { Expiries = expiries.ToImmutableSortedDictionary(e => e.Key, e => e) };

    private static ScheduledExpiry Expiry(string address, AliasState then = AliasState.Disabled, DateTimeOffset? at = null) =>
        new(Key(address), at ?? ExpiryDay, then);

    [Fact]
    public void Plan_BeforeTheExpiry_KeepsTheDeclaredState()
    {
        var clock = new FakeTimeProvider(ExpiryDay.AddSeconds(-1));
        var desired = WithExpiries(Desired([Spec("shop@example.com")]), Expiry("shop@example.com"));
        var actual = Actual([Record("shop@example.com")], desired);

        var plan = Planner.Plan(desired, actual, SafetyThresholds.Default, clock.GetUtcNow());

        plan.HasChanges.ShouldBeFalse();
        plan.Expiring.ShouldBe([Expiry("shop@example.com")]);
    }

    [Theory]
    [InlineData(AliasState.Disabled)]
    [InlineData(AliasState.Paused)]
    public void Plan_FromTheExpiryOn_PlansTheThenStateAndMarksTheChange(AliasState then)
    {
        var clock = new FakeTimeProvider(ExpiryDay);
        var desired = WithExpiries(Desired([Spec("shop@example.com")]), Expiry("shop@example.com", then));
        var actual = Actual([Record("shop@example.com", useCount: 4)], desired);

        var plan = Planner.Plan(desired, actual, SafetyThresholds.Default, clock.GetUtcNow());

        var update = plan.AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasUpdate>();
        update.After.State.ShouldBe(then);
        update.Expiry.ShouldBe(Expiry("shop@example.com", then));
        update.Usage!.UseCount.ShouldBe(4);
        plan.Expired.ShouldBe([update]);
        plan.Expiring.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_AfterTheExpiryWasApplied_HasNoChanges()
    {
        var desired = WithExpiries(Desired([Spec("shop@example.com")]), Expiry("shop@example.com"));
        var actual = Actual([Record("shop@example.com", state: AliasState.Disabled)], desired);

        Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay.AddDays(3)).HasChanges.ShouldBeFalse();
    }

    [Theory]
    [InlineData(AliasState.Disabled, AliasState.Paused, AliasState.Disabled)]
    [InlineData(AliasState.Paused, AliasState.Paused, AliasState.Paused)]
    [InlineData(AliasState.Paused, AliasState.Disabled, AliasState.Disabled)]
    public void Plan_ExpiryOfAStoppedAlias_KeepsTheStricterState(AliasState declared, AliasState then, AliasState planned)
    {
        var desired = WithExpiries(Desired([Spec("shop@example.com", state: declared)]), Expiry("shop@example.com", then));
        var actual = Actual([Record("shop@example.com", state: AliasState.Active)], desired);

        var plan = Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay.AddDays(1));

        plan.AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasUpdate>().After.State.ShouldBe(planned);
    }

    [Fact]
    public void Plan_ExpiryThatChangesNothing_IsNeitherExpiringNorExpired()
    {
        var desired = WithExpiries(Desired([Spec("shop@example.com", state: AliasState.Disabled)]), Expiry("shop@example.com", AliasState.Paused));
        var actual = Actual([Record("shop@example.com", state: AliasState.Disabled)], desired);

        Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay.AddDays(-1)).Expiring.ShouldBeEmpty();
        Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay.AddDays(1)).Expired.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_DueExpiryWithADestinationChange_MarksTheUpdateAsExpired()
    {
        var desired = WithExpiries(Desired([Spec("shop@example.com", "new@gmail.com")]), Expiry("shop@example.com"));
        var actual = Actual([Record("shop@example.com", "old@gmail.com")], desired);

        var update = Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay).AliasChanges.ShouldHaveSingleItem();

        update.Attributes.Select(a => a.Name).ShouldBe(["destination", "state"]);
        update.Expiry.ShouldNotBeNull();
    }

    [Fact]
    public void Plan_ExpiringWindow_IsFourteenDaysAheadSoonestFirst()
    {
        var now = ExpiryDay;
        var desired = WithExpiries(
            Desired([Spec("a@example.com"), Spec("b@example.com"), Spec("c@example.com"), Spec("d@example.com")]),
            Expiry("a@example.com", at: now.AddDays(14)),
            Expiry("b@example.com", at: now.AddDays(14).AddSeconds(1)),
            Expiry("c@example.com", at: now.AddSeconds(1)),
            Expiry("d@example.com", at: now.AddDays(3)));
        var actual = Actual([Record("a@example.com"), Record("b@example.com"), Record("c@example.com"), Record("d@example.com")], desired);

        var plan = Planner.Plan(desired, actual, SafetyThresholds.Default, now);

        plan.Expiring.Select(e => e.Key.FullAddress).ShouldBe(["c@example.com", "d@example.com", "a@example.com"]);
    }

    [Fact]
    public void Plan_CreateOfAnExpiredAlias_CreatesItInTheThenState()
    {
        var desired = WithExpiries(Desired([Spec("shop@example.com")]), Expiry("shop@example.com", AliasState.Paused));

        var create = Planner.Plan(desired, Actual([], desired), SafetyThresholds.Default, ExpiryDay).AliasChanges.ShouldHaveSingleItem();

        create.ShouldBeOfType<AliasCreate>().After.State.ShouldBe(AliasState.Paused);
        create.Expiry.ShouldNotBeNull();
    }

    [Fact]
    public void Plan_DueExpiriesOnly_LeavesEveryOtherDifferenceAlone()
    {
        var desired = WithExpiries(
            Desired([Spec("due@example.com"), Spec("edited@example.com", "me@gmail.com"), Spec("new@example.com")]),
            Expiry("due@example.com"));
        var actual = Actual(
            [Record("due@example.com"), Record("edited@example.com", "hand@gmail.com"), Record("stray@example.com")],
            desired);

        var plan = Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay, PlanScope.DueExpiries);

        plan.Scope.ShouldBe(PlanScope.DueExpiries);
        var update = plan.AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasUpdate>();
        update.Key.ShouldBe(Key("due@example.com"));
        update.After.ShouldBe(Spec("due@example.com", state: AliasState.Disabled));
        plan.ConfigChanges.ShouldBeEmpty();
        plan.Settings.ShouldBeNull();
    }

    [Fact]
    public void Plan_DueExpiriesOnly_ExpiresWhatTheTableHoldsNotWhatTheYamlDeclares()
    {
        var desired = WithExpiries(Desired([Spec("due@example.com", "me@gmail.com")]), Expiry("due@example.com"));
        var actual = Actual([Record("due@example.com", "hand@gmail.com")], desired);

        var plan = Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay, PlanScope.DueExpiries);

        var update = plan.AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasUpdate>();
        update.Attributes.Select(a => $"{a.Name}:{a.Before}>{a.After}").ShouldBe(["state:active>disabled"]);
    }

    [Fact]
    public void Plan_Drift_LeavesOutDueExpiriesAndKeepsEverythingElse()
    {
        var desired = WithExpiries(
            Desired([Spec("due@example.com"), Spec("edited@example.com", "me@gmail.com"), Spec("coming@example.com")]),
            Expiry("due@example.com"),
            Expiry("coming@example.com", at: ExpiryDay.AddDays(2)));
        var actual = Actual(
            [Record("due@example.com"), Record("edited@example.com", "hand@gmail.com"), Record("coming@example.com"), Record("stray@example.com")],
            desired);

        var plan = Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay, PlanScope.Drift);

        plan.Scope.ShouldBe(PlanScope.Drift);
        plan.AliasChanges.Select(c => $"{c.Action} {c.Key.FullAddress}")
            .ShouldBe(["Update edited@example.com", "Delete stray@example.com"]);
        plan.Expiring.Select(e => e.Key.FullAddress).ShouldBe(["coming@example.com"]);
    }

    [Fact]
    public void Plan_Drift_ReportsAnExpiredAliasReactivatedByHandAsNoDrift()
    {
        // The YAML still says it expired; the nightly run's due apply disables it again.
        var desired = WithExpiries(Desired([Spec("due@example.com")]), Expiry("due@example.com"));
        var actual = Actual([Record("due@example.com", state: AliasState.Active)], desired);

        Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay.AddDays(10), PlanScope.Drift).HasChanges.ShouldBeFalse();
        Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay.AddDays(10), PlanScope.DueExpiries).Expired.Length.ShouldBe(1);
    }

    [Fact]
    public void Plan_DueExpiryOfARenamedAlias_ExpiresTheNewAddress()
    {
        var desired = WithExpiries(
            Desired([Spec("shop@example.com")], [new Rename(Key("old@example.com"), Key("shop@example.com"))]),
            Expiry("shop@example.com"));
        var actual = Actual([Record("old@example.com")], desired);

        var rename = Planner.Plan(desired, actual, SafetyThresholds.Default, ExpiryDay).AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasRename>();

        rename.After.State.ShouldBe(AliasState.Disabled);
        rename.Expiry.ShouldNotBeNull();
    }
}
