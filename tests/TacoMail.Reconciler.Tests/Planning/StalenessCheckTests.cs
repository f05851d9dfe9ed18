using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed class StalenessCheckTests
{
    private static readonly DesiredState Yaml = Desired([Spec("shop@example.com"), Spec("new@example.com")]);
    private static readonly ActualState Table = Actual([Record("shop@example.com"), Record("gone@example.com")], Yaml);

    private static Plan PlanOf(DesiredState desired, ActualState actual) => Planner.Plan(desired, actual, SafetyThresholds.Default, PlanTime.Now);

    [Fact]
    public void Compare_NothingChanged_IsCurrent()
    {
        var saved = PlanOf(Yaml, Table);

        StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, PlanOf(Yaml, Table)).ShouldBeEmpty();
    }

    [Fact]
    public void Compare_UseCountIncremented_IsCurrent()
    {
        var saved = PlanOf(Yaml, Table);
        var later = Actual([Record("shop@example.com", useCount: 99), Record("gone@example.com")], Yaml);

        StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, PlanOf(Yaml, later)).ShouldBeEmpty();
    }

    [Fact]
    public void Compare_TableItemModified_NamesTheAddress()
    {
        var saved = PlanOf(Yaml, Table);
        var later = Actual([Record("shop@example.com", state: AliasState.Paused), Record("gone@example.com")], Yaml);

        StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, PlanOf(Yaml, later))
            .ShouldBe(["the table changed since the plan was made: shop@example.com modified"]);
    }

    [Fact]
    public void Compare_YamlChanged_SaysSoAndNamesTheAddress()
    {
        var saved = PlanOf(Yaml, Table);
        var edited = Desired([Spec("shop@example.com"), Spec("other@example.com")]);

        var reasons = StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, PlanOf(edited, Table));

        reasons.ShouldHaveSingleItem().ShouldStartWith("the YAML changed since the plan was made: ");
        reasons[0].ShouldContain("new@example.com removed");
        reasons[0].ShouldContain("other@example.com added");
    }

    [Fact]
    public void Compare_SameBasisDifferentChanges_IsStale()
    {
        var saved = PlanOf(Yaml, Table);

        StalenessCheck.Compare(saved.Basis, "0000", PlanOf(Yaml, Table)).ShouldHaveSingleItem().ShouldContain("different changes");
    }

    [Fact]
    public void Compare_ManyDifferences_ListsTenAndCountsTheRest()
    {
        var saved = PlanOf(Yaml, Table);
        var crowded = Actual(Enumerable.Range(0, 15).Select(i => Record($"x{i:00}@example.com")).Append(Record("shop@example.com")).Append(Record("gone@example.com")), Yaml);

        StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, PlanOf(Yaml, crowded)).ShouldHaveSingleItem().ShouldEndWith(" and 5 more");
    }

    [Fact]
    public void Compare_ExpiryFellDueSinceThePlan_SaysSoRatherThanThatTheYamlChanged()
    {
        var expiring = Yaml with
        {
            Expiries = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(
                [KeyValuePair.Create(Key("shop@example.com"), new ScheduledExpiry(Key("shop@example.com"), PlanTime.Now.AddHours(1), AliasState.Disabled))]),
        };
        var saved = PlanOf(expiring, Table);

        var fresh = Planner.Plan(expiring, Table, SafetyThresholds.Default, PlanTime.Now.AddHours(2));

        StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, fresh)
            .ShouldBe(["expiries fell due since the plan was made: expired shop@example.com added"]);
    }

    [Fact]
    public void Compare_ExpiryDateMoved_IsAYamlChange()
    {
        static DesiredState Expiring(DateTimeOffset at) => Yaml with
        {
            Expiries = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(
                [KeyValuePair.Create(Key("shop@example.com"), new ScheduledExpiry(Key("shop@example.com"), at, AliasState.Disabled))]),
        };
        var saved = PlanOf(Expiring(PlanTime.Now.AddDays(5)), Table);

        StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, PlanOf(Expiring(PlanTime.Now.AddDays(6)), Table))
            .ShouldBe(["the YAML changed since the plan was made: expires shop@example.com modified"]);
    }
}
