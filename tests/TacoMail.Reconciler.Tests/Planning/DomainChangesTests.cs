using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Tests.Rendering;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed class DomainChangesTests
{
    [Fact]
    public void Group_ChangesInAnyOrder_AreSortedByDomainThenAddressWithTotals()
    {
        AliasChange[] changes =
        [
            new AliasDelete(Record("z@b.example")),
            new AliasCreate(Spec("b@a.example")),
            new AliasRename(Record("old@b.example"), Spec("a@b.example")),
            new AliasCreate(Spec("a@a.example")),
            new AliasUpdate(Record("c@a.example"), Spec("c@a.example", "S3")),
        ];

        var domains = DomainChanges.Group(changes);

        domains.Select(d => d.Domain).ShouldBe(["a.example", "b.example"]);
        domains[0].Changes.Select(c => c.Key.FullAddress).ShouldBe(["a@a.example", "b@a.example", "c@a.example"]);
        domains[0].Totals.ShouldBe(new PlanSummary(Create: 2, Update: 1, Delete: 0, Rename: 0));
        domains[1].Changes.Select(c => c.Key.FullAddress).ShouldBe(["a@b.example", "z@b.example"]);
        domains[1].Totals.ShouldBe(new PlanSummary(Create: 0, Update: 0, Delete: 1, Rename: 1));
    }

    [Fact]
    public void Plan_Summary_IsTheSumOfItsDomainTotals()
    {
        var plan = PlanFixtures.Mixed();

        plan.Domains.Select(d => (d.Domain, d.Totals)).ShouldBe([
            ("example.com", new PlanSummary(Create: 1, Update: 1, Delete: 1, Rename: 1)),
            ("mail.example.org", new PlanSummary(Create: 1, Update: 0, Delete: 0, Rename: 0)),
        ]);
        plan.Summary.ShouldBe(new PlanSummary(Create: 2, Update: 1, Delete: 1, Rename: 1));
        plan.ChangeCount.ShouldBe(plan.ConfigChanges.Length + 5);
    }

    [Fact]
    public void Constructor_WithoutChanges_Throws() =>
        Should.Throw<ArgumentException>(() => new DomainChanges("a.example", []));

    [Fact]
    public void Constructor_ChangeOfAnotherDomain_Throws()
    {
        var error = Should.Throw<ArgumentException>(() => new DomainChanges("a.example", [new AliasCreate(Spec("x@b.example"))]));

        error.Message.ShouldContain("x@b.example is not in the domain a.example");
    }

    [Theory]
    [InlineData("b@a.example", "a@a.example")]
    [InlineData("a@a.example", "a@a.example")]
    public void Constructor_ChangesOutOfOrderOrTwice_Throws(string first, string second)
    {
        ImmutableArray<AliasChange> changes = [new AliasCreate(Spec(first)), new AliasDelete(Record(second))];

        Should.Throw<ArgumentException>(() => new DomainChanges("a.example", changes));
    }
}
