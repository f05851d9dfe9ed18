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
}
