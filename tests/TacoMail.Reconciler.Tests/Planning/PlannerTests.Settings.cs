using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed partial class PlannerTests
{
    private static readonly DeclaredSettings Declared = new(
        new RoutingSettings("mailer-daemon@example.com", "mailer-daemon@example.com", SubAddressSeparators.Default, MessagePolicy.Default),
        SafetyThresholds.Default);

    private static DesiredState WithSettings(DesiredState desired, DeclaredSettings settings) => desired with { Settings = settings };

    private static ActualState WithStored(ActualState actual, DeclaredSettings settings) => actual with { Settings = new ScannedSettingsItem(settings) };

    [Fact]
    public void Plan_NoSettingsItemInTheTable_CreatesItWithEverySetting()
    {
        var desired = WithSettings(Desired([Spec("shop@example.com")]), Declared);

        var plan = PlanOf(desired, Actual([Record("shop@example.com")], desired));

        plan.HasChanges.ShouldBeTrue();
        plan.Summary.Total.ShouldBe(0);
        var change = plan.Settings.ShouldNotBeNull();
        change.Action.ShouldBe(ChangeAction.Create);
        change.Before.ShouldBeNull();
        change.After.ShouldBe(Declared);
        change.Attributes.Select(a => (a.Name, a.Before, a.After)).ShouldBe(
        [
            ("bounce_sender", null, "mailer-daemon@example.com"),
            ("feedback_address", null, "mailer-daemon@example.com"),
            ("subaddress_separators", null, "[+, --, #, =]"),
            ("bounce_policy", null, "authenticated"),
            ("spam_policy", null, "drop"),
            ("queue_lifetime", null, "5d"),
            ("safety.min_aliases", null, "10"),
            ("safety.max_delete_percent", null, "30"),
            ("safety.max_disable_percent", null, "30"),
        ]);
        plan.ChangeCount.ShouldBe(1);
    }

    [Fact]
    public void Plan_SettingsItemMatches_HasNoChanges()
    {
        var desired = WithSettings(Desired([Spec("shop@example.com")]), Declared);
        var stored = Declared with { Safety = new SafetyThresholds(10, 30.00m, 30.0m) };

        var plan = PlanOf(desired, WithStored(Actual([Record("shop@example.com")], desired), stored));

        plan.Settings.ShouldBeNull();
        plan.HasChanges.ShouldBeFalse();
    }

    [Fact]
    public void Plan_BouncePolicyChanged_UpdatesOnlyThatSetting()
    {
        var wanted = Declared with { Routing = Declared.Routing with { Policy = MessagePolicy.NeverBounce } };
        var desired = WithSettings(Desired([Spec("shop@example.com")]), wanted);

        var plan = PlanOf(desired, WithStored(Actual([Record("shop@example.com")], desired), Declared));

        var change = plan.Settings.ShouldNotBeNull();
        change.Action.ShouldBe(ChangeAction.Update);
        change.Attributes.ShouldBe([new AttributeChange("bounce_policy", "authenticated", "never")]);
    }

    [Fact]
    public void Plan_UnreadableSettingsItem_IsRewrittenWholeAndNotSkipped()
    {
        var desired = WithSettings(Desired([Spec("shop@example.com")]), Declared);
        var broken = new ScannedUnreadableItem(SettingsItemCodec.Key, "attribute 'bounce_policy' is not a known policy");
        var actual = ActualState.FromScan([new ScannedAliasItem(Record("shop@example.com")), broken]);

        var plan = PlanOf(desired, actual);

        plan.Skipped.ShouldBeEmpty();
        var change = plan.Settings.ShouldNotBeNull();
        change.Action.ShouldBe(ChangeAction.Update);
        change.UnreadableReason.ShouldBe(broken.Reason);
        change.Attributes.Length.ShouldBe(9);
    }

    [Fact]
    public void Plan_SettingsChange_IsPartOfTheBasisAndTheChangesDigest()
    {
        var desired = WithSettings(Desired([Spec("shop@example.com")]), Declared);
        var actual = Actual([Record("shop@example.com")], desired);
        var never = WithSettings(desired, Declared with { Routing = Declared.Routing with { Policy = MessagePolicy.NeverBounce } });

        var before = PlanOf(desired, actual);
        var after = PlanOf(never, actual);
        var stored = PlanOf(desired, WithStored(actual, Declared));

        after.Basis.Desired["settings"].ShouldNotBe(before.Basis.Desired["settings"]);
        after.ChangesDigest.ShouldNotBe(before.ChangesDigest);
        stored.Basis.Table.ShouldContainKey(SettingsItemCodec.Key.FullAddress);
        before.Basis.Table.ShouldNotContainKey(SettingsItemCodec.Key.FullAddress);
    }

    [Fact]
    public void Plan_LooserYamlThresholdsThanTheTables_IsCheckedAgainstTheTables()
    {
        var loose = new SafetyThresholds(10, MaxDeletePercent: 100, MaxDisablePercent: 100);
        var desired = WithSettings(Desired(TenAddresses.Skip(4).Select(a => Spec(a))), Declared with { Safety = loose });
        var actual = WithStored(Actual(TenAddresses.Select(a => Record(a))), Declared);

        var plan = Planner.Plan(desired, actual, loose, PlanTime.Now);

        plan.Violations.ShouldBe([new SafetyViolation(SafetyCheck.Deletes, 4, 10, 30)]);
        plan.Settings.ShouldNotBeNull().Attributes.Select(a => a.Name)
            .ShouldBe(["safety.max_delete_percent", "safety.max_disable_percent"]);
    }

    [Fact]
    public void Plan_StricterYamlThresholdsThanTheTables_AreUsed()
    {
        var strict = new SafetyThresholds(10, MaxDeletePercent: 5, MaxDisablePercent: 5);
        var actual = WithStored(Actual(TenAddresses.Select(a => Record(a))), Declared);

        var plan = Planner.Plan(Desired(TenAddresses.Skip(1).Select(a => Spec(a))), actual, strict, PlanTime.Now);

        plan.Violations.ShouldBe([new SafetyViolation(SafetyCheck.Deletes, 1, 10, 5)]);
    }
}
