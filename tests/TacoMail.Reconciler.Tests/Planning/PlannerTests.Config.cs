using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed partial class PlannerTests
{
    [Fact]
    public void Plan_EmptyTable_CreatesBothConfigSets()
    {
        var desired = Desired([Spec("shop@example.com", "S3")]);

        var changes = PlanOf(desired, Actual([])).ConfigChanges;

        changes.Select(c => (c.Action, c.Kind)).ShouldBe([
            (ChangeAction.Create, ConfigSetKind.SubDomains),
            (ChangeAction.Create, ConfigSetKind.Destinations),
        ]);
        changes[1].After.ShouldBe(["S3"]);
    }

    [Fact]
    public void Plan_NewDomain_UpdatesSubDomainsWithTheAddition()
    {
        var before = Desired([Spec("shop@example.com")]);
        var desired = Desired([Spec("shop@example.com"), Spec("x@new.example")]);

        var change = PlanOf(desired, Actual([Record("shop@example.com")], before)).ConfigChanges.ShouldHaveSingleItem();

        change.Action.ShouldBe(ChangeAction.Update);
        change.Kind.ShouldBe(ConfigSetKind.SubDomains);
        change.Added.ShouldBe(["new.example"]);
        change.Removed.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_LegacyConfigValuesItem_IsRewritten()
    {
        var desired = Desired([Spec("shop@example.com")]);
        var legacy = new ConfigSetRecord(ConfigSetKind.SubDomains, ["example.com"]) { LegacyTraits = LegacyTraits.LegacyConfigValues };
        var actual = Actual([Record("shop@example.com")], desired) with
        {
            ConfigSets = ImmutableDictionary<ConfigSetKind, ConfigSetRecord>.Empty
                .Add(ConfigSetKind.SubDomains, legacy)
                .Add(ConfigSetKind.Destinations, new ConfigSetRecord(ConfigSetKind.Destinations, desired.Destinations)),
        };

        PlanOf(desired, actual).ConfigChanges.ShouldHaveSingleItem().Kind.ShouldBe(ConfigSetKind.SubDomains);
    }

    [Fact]
    public void Plan_LegacyAliasItem_IsUpdatedToTheCanonicalShape()
    {
        var desired = Desired([Spec("shop@example.com")]);
        var legacy = Record("shop@example.com") with { LegacyTraits = LegacyTraits.Application | LegacyTraits.IgnoreAliasMissing };

        var change = PlanOf(desired, Actual([legacy], desired)).AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasShapeFix>();

        change.Action.ShouldBe(ChangeAction.Update);
        change.Spec.ShouldBe(Spec("shop@example.com"));
        change.Attributes.Select(a => a.Name).ShouldBe(["application", "active_alias/ignore_alias"]);
    }

    [Fact]
    public void Plan_NumberStoredAsString_IsReadAndLeftAlone()
    {
        var desired = Desired([Spec("shop@example.com")]);
        var legacy = Record("shop@example.com") with { LegacyTraits = LegacyTraits.NumberAsString | LegacyTraits.UseCountMissing };

        PlanOf(desired, Actual([legacy], desired)).HasChanges.ShouldBeFalse();
    }
}
