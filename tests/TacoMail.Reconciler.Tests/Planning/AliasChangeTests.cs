using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

/// <summary>Each alias change type refuses the parts that would make it a change the applier cannot carry out.</summary>
public sealed class AliasChangeTests
{
    [Fact]
    public void Constructors_NullParts_Throw()
    {
        Should.Throw<ArgumentNullException>(() => new AliasCreate(null!));
        Should.Throw<ArgumentNullException>(() => new AliasDelete(null!));
        Should.Throw<ArgumentNullException>(() => new AliasShapeFix(null!));
        Should.Throw<ArgumentNullException>(() => new AliasUpdate(null!, Spec("a@example.com")));
        Should.Throw<ArgumentNullException>(() => new AliasUpdate(Record("a@example.com"), null!));
        Should.Throw<ArgumentNullException>(() => new AliasRename(null!, Spec("a@example.com")));
        Should.Throw<ArgumentNullException>(() => new AliasRename(Record("a@example.com"), null!));
    }

    [Fact]
    public void Update_ThatChangesNoValue_CannotBeBuilt()
    {
        var error = Should.Throw<ArgumentException>(() => new AliasUpdate(Record("a@example.com"), Spec("a@example.com")));

        error.Message.ShouldContain("changes no value");
    }

    [Fact]
    public void Update_ToAnotherAddress_CannotBeBuilt()
    {
        var error = Should.Throw<ArgumentException>(() => new AliasUpdate(Record("a@example.com"), Spec("b@example.com", "S3")));

        error.Message.ShouldContain("is a rename");
    }

    [Fact]
    public void Update_OfLegacyItem_ListsValueChangesThenShapeFixes()
    {
        var legacy = Record("a@example.com") with { LegacyTraits = LegacyTraits.Application };

        var update = new AliasUpdate(legacy, Spec("a@example.com", state: AliasState.Paused));

        update.Action.ShouldBe(ChangeAction.Update);
        update.Attributes.ShouldBe([
            new AttributeChange("state", "active", "paused"),
            new AttributeChange("application", null, "tacomail"),
        ]);
    }

    [Fact]
    public void ShapeFix_OfCanonicalItem_CannotBeBuilt()
    {
        var error = Should.Throw<ArgumentException>(() => new AliasShapeFix(Record("a@example.com")));

        error.Message.ShouldContain("already in the canonical shape");
    }

    [Fact]
    public void ShapeFix_OfLegacyItem_KeepsItsValuesAndCountsAsUpdate()
    {
        var legacy = Record("a@example.com", "S3", AliasState.Paused) with { LegacyTraits = LegacyTraits.BooleanNotBool };

        var fix = new AliasShapeFix(legacy);

        fix.Action.ShouldBe(ChangeAction.Update);
        fix.Key.ShouldBe(Key("a@example.com"));
        fix.Spec.ShouldBe(Spec("a@example.com", "S3", AliasState.Paused));
        fix.Attributes.ShouldBe([new AttributeChange("active_alias/ignore_alias", null, "BOOL")]);
    }

    [Fact]
    public void Rename_ToTheSameAddress_CannotBeBuilt()
    {
        var error = Should.Throw<ArgumentException>(() => new AliasRename(Record("a@example.com"), Spec("a@example.com", "S3")));

        error.Message.ShouldContain("where it already is");
    }

    [Fact]
    public void Rename_IsKeyedByTheNewAddressAndComesFromTheOld()
    {
        var rename = new AliasRename(Record("old@example.com"), Spec("new@other.example", "S3"));

        rename.Key.ShouldBe(Key("new@other.example"));
        rename.Domain.ShouldBe("other.example");
        rename.From.ShouldBe(Key("old@example.com"));
        rename.Attributes.ShouldBe([new AttributeChange("destination", "me@gmail.com", "S3")]);
    }

    [Fact]
    public void CreateAndDelete_ShowBothValues()
    {
        var create = new AliasCreate(Spec("a@example.com", "S3"));
        var delete = new AliasDelete(Record("b@example.com", state: AliasState.Disabled));

        create.Attributes.ShouldBe([new AttributeChange("destination", null, "S3"), new AttributeChange("state", null, "active")]);
        delete.Attributes.ShouldBe([new AttributeChange("destination", "me@gmail.com", null), new AttributeChange("state", "disabled", null)]);
        delete.Key.ShouldBe(Key("b@example.com"));
    }
}
