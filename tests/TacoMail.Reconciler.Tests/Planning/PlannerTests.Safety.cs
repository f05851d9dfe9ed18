using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed partial class PlannerTests
{
    private static readonly string[] TenAddresses = [.. Enumerable.Range(0, 10).Select(i => $"a{i}@example.com")];

    [Fact]
    public void Plan_DeletingFourOfTen_TripsTheDeleteThresholdButStillHoldsTheChanges()
    {
        var desired = Desired(TenAddresses.Skip(4).Select(a => Spec(a)));
        var actual = Actual(TenAddresses.Select(a => Record(a)));

        var plan = PlanOf(desired, actual);

        plan.Summary.Delete.ShouldBe(4);
        plan.Violations.ShouldBe([new SafetyViolation(SafetyCheck.Deletes, 4, 10, 30)]);
        plan.Violations[0].Percent.ShouldBe(40m);
        Should.Throw<UnsafePlanException>(() => plan.EnsureSafe(force: false)).Message.ShouldContain("deletes 4 of 10");
        plan.EnsureSafe(force: true);
    }

    [Fact]
    public void Plan_DeletingThreeOfTen_IsSafe()
    {
        var plan = PlanOf(Desired(TenAddresses.Skip(3).Select(a => Spec(a))), Actual(TenAddresses.Select(a => Record(a))));

        plan.IsSafe.ShouldBeTrue();
        plan.EnsureSafe(force: false);
    }

    [Fact]
    public void Plan_DisablingFourOfTen_TripsTheDisableThreshold()
    {
        var desired = Desired(TenAddresses.Select((a, i) => Spec(a, state: i < 4 ? AliasState.Disabled : AliasState.Active)));

        var plan = PlanOf(desired, Actual(TenAddresses.Select(a => Record(a))));

        plan.Violations.ShouldHaveSingleItem().Check.ShouldBe(SafetyCheck.Deactivations);
    }

    [Fact]
    public void Plan_FewerAliasesThanTheMinimum_IsNeverUnsafe()
    {
        var plan = PlanOf(Desired([]), Actual(TenAddresses.Take(9).Select(a => Record(a))));

        plan.Summary.Delete.ShouldBe(9);
        plan.IsSafe.ShouldBeTrue();
    }

    [Fact]
    public void Plan_CustomThresholds_AreHonoured()
    {
        var plan = Planner.Plan(
            Desired(TenAddresses.Skip(1).Select(a => Spec(a))),
            Actual(TenAddresses.Select(a => Record(a))),
            new SafetyThresholds(MinAliases: 5, MaxDeletePercent: 5, MaxDisablePercent: 5), PlanTime.Now);

        plan.Violations.ShouldHaveSingleItem().ShouldBe(new SafetyViolation(SafetyCheck.Deletes, 1, 10, 5));
    }

    [Fact]
    public void Plan_PausingFourOfTen_TripsTheDisableThreshold()
    {
        var desired = Desired(TenAddresses.Select((a, i) => Spec(a, state: i < 4 ? AliasState.Paused : AliasState.Active)));

        var plan = PlanOf(desired, Actual(TenAddresses.Select(a => Record(a))));

        plan.Violations.ShouldBe([new SafetyViolation(SafetyCheck.Deactivations, 4, 10, 30)]);
        Should.Throw<UnsafePlanException>(() => plan.EnsureSafe(force: false)).Message.ShouldContain("pauses or disables 4 of 10");
    }

    [Fact]
    public void Plan_PausingTwoAndDisablingTwoOfTen_CountsFourTogether()
    {
        var desired = Desired(TenAddresses.Select((a, i) => Spec(a, state: i switch
        {
            < 2 => AliasState.Paused,
            < 4 => AliasState.Disabled,
            _ => AliasState.Active,
        })));

        var plan = PlanOf(desired, Actual(TenAddresses.Select(a => Record(a))));

        plan.Violations.ShouldHaveSingleItem().Count.ShouldBe(4);
    }

    [Fact]
    public void Plan_DisablingPausedAliases_DoesNotCountThemAgain()
    {
        var desired = Desired(TenAddresses.Select((a, i) => Spec(a, state: i < 4 ? AliasState.Disabled : AliasState.Active)));
        var actual = Actual(TenAddresses.Select((a, i) => Record(a, state: i < 4 ? AliasState.Paused : AliasState.Active)));

        var plan = PlanOf(desired, actual);

        plan.Summary.Update.ShouldBe(4);
        plan.IsSafe.ShouldBeTrue();
    }
}
