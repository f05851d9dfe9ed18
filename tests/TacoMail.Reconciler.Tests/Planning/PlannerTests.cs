using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed partial class PlannerTests
{
    private static Plan PlanOf(DesiredState desired, ActualState actual) =>
        Planner.Plan(desired, actual, SafetyThresholds.Default, PlanTime.Now);

    [Fact]
    public void Plan_TableMatchesYaml_HasNoChanges()
    {
        var desired = Desired([Spec("shop@example.com"), Spec("bank@example.com", "S3", AliasState.Paused)]);
        var actual = Actual([Record("shop@example.com"), Record("bank@example.com", "S3", AliasState.Paused)], desired);

        var plan = PlanOf(desired, actual);

        plan.HasChanges.ShouldBeFalse();
        plan.Summary.Total.ShouldBe(0);
    }

    [Fact]
    public void Plan_NewAlias_IsCreateWithDestinationAndState()
    {
        var desired = Desired([Spec("shop@example.com", "S3")]);

        var change = PlanOf(desired, Actual([], desired)).AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasCreate>();

        change.Action.ShouldBe(ChangeAction.Create);
        change.Key.ShouldBe(Key("shop@example.com"));
        change.After.ShouldBe(Spec("shop@example.com", "S3"));
        change.Attributes.ShouldBe([
            new AttributeChange("destination", null, "S3"),
            new AttributeChange("state", null, "active"),
        ]);
    }

    [Fact]
    public void Plan_ChangedDestinationAndState_IsUpdateNamingBothAttributes()
    {
        var desired = Desired([Spec("shop@example.com", "S3", AliasState.Disabled)]);
        var actual = Actual([Record("shop@example.com")], desired);

        var change = PlanOf(desired, actual).AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasUpdate>();

        change.Action.ShouldBe(ChangeAction.Update);
        change.Before.ShouldBe(Record("shop@example.com"));
        change.After.ShouldBe(Spec("shop@example.com", "S3", AliasState.Disabled));
        change.Attributes.ShouldBe([
            new AttributeChange("destination", "me@gmail.com", "S3"),
            new AttributeChange("state", "active", "disabled"),
        ]);
    }

    [Fact]
    public void Plan_UseCountOrTimestampsDiffer_IsNoChange()
    {
        var desired = Desired([Spec("shop@example.com")]);
        var actual = Actual([Record("shop@example.com", useCount: 999) with { ModifiedDatetime = 1 }], desired);

        PlanOf(desired, actual).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public void Plan_UndeclaredItem_IsDelete()
    {
        var desired = Desired([Spec("shop@example.com")]);
        var actual = Actual([Record("shop@example.com"), Record("gone@other.example")], desired);

        var change = PlanOf(desired, actual).AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasDelete>();

        change.Action.ShouldBe(ChangeAction.Delete);
        change.Key.ShouldBe(Key("gone@other.example"));
        change.Before.ShouldBe(Record("gone@other.example"));
        change.Attributes.ShouldBe([
            new AttributeChange("destination", "me@gmail.com", null),
            new AttributeChange("state", "active", null),
        ]);
    }

    [Fact]
    public void Plan_Changes_AreSortedByDomainThenLocalPart()
    {
        var desired = Desired([Spec("b@b.example"), Spec("a@b.example"), Spec("z@a.example")]);

        var plan = PlanOf(desired, Actual([Record("m@a.example")], desired));

        plan.AliasChanges.Select(c => c.Key.FullAddress)
            .ShouldBe(["m@a.example", "z@a.example", "a@b.example", "b@b.example"]);
    }

    [Fact]
    public void Plan_SameInputs_GiveSameChangesDigest()
    {
        var desired = Desired([Spec("shop@example.com", "S3")]);
        var actual = Actual([Record("old@example.com")]);

        PlanOf(desired, actual).ChangesDigest.ShouldBe(PlanOf(desired, actual).ChangesDigest);
        PlanOf(desired, actual).ChangesDigest.ShouldNotBe(PlanOf(desired, Actual([])).ChangesDigest);
    }

    [Fact]
    public void Plan_UnreadableItems_AreSkippedNotDeleted()
    {
        var desired = Desired([Spec("shop@example.com")]);
        var bad = new ScannedUnreadableItem(Key("weird@example.com"), "attribute 'destination' is missing");
        var actual = ActualState.FromScan([new ScannedAliasItem(Record("shop@example.com")), bad]);

        var plan = PlanOf(desired, actual);

        plan.Skipped.ShouldBe([bad]);
        plan.AliasChanges.ShouldNotContain(c => c.Key == Key("weird@example.com"));
    }
}
