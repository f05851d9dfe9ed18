using TacoMail.Reconciler.Planning;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed partial class PlannerTests
{
    [Fact]
    public void Plan_MovedAliasWhoseOldItemExists_IsOneRenameKeepingTheOldItem()
    {
        var desired = Desired([Spec("shop@example.com")], [new Rename(Key("oldshop@example.com"), Key("shop@example.com"))]);
        var old = Record("oldshop@example.com", identifier: "keep-me", useCount: 41);

        var change = PlanOf(desired, Actual([old], desired)).AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasRename>();

        change.Action.ShouldBe(ChangeAction.Rename);
        change.From.ShouldBe(Key("oldshop@example.com"));
        change.Key.ShouldBe(Key("shop@example.com"));
        change.Before.ShouldBe(old);
        change.After.ShouldBe(Spec("shop@example.com"));
        change.Attributes.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_RenameWithNewDestination_NamesTheAttribute()
    {
        var desired = Desired([Spec("shop@example.com", "S3")], [new Rename(Key("oldshop@example.com"), Key("shop@example.com"))]);

        var change = PlanOf(desired, Actual([Record("oldshop@example.com")], desired)).AliasChanges.ShouldHaveSingleItem();

        change.Attributes.ShouldBe([new AttributeChange("destination", "me@gmail.com", "S3")]);
    }

    [Fact]
    public void Plan_RenameAlreadyApplied_IsNoChange()
    {
        var desired = Desired([Spec("shop@example.com")], [new Rename(Key("oldshop@example.com"), Key("shop@example.com"))]);

        PlanOf(desired, Actual([Record("shop@example.com")], desired)).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public void Plan_BothOldAndNewItemsExist_DeletesTheOldOne()
    {
        var desired = Desired([Spec("shop@example.com")], [new Rename(Key("oldshop@example.com"), Key("shop@example.com"))]);

        var change = PlanOf(desired, Actual([Record("oldshop@example.com"), Record("shop@example.com")], desired))
            .AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasDelete>();

        change.Action.ShouldBe(ChangeAction.Delete);
        change.Key.ShouldBe(Key("oldshop@example.com"));
    }

    [Fact]
    public void Plan_MovedFromUnknownItem_CreatesTheNewOne()
    {
        var desired = Desired([Spec("shop@example.com")], [new Rename(Key("oldshop@example.com"), Key("shop@example.com"))]);

        PlanOf(desired, Actual([], desired)).AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasCreate>().Action.ShouldBe(ChangeAction.Create);
    }
}
