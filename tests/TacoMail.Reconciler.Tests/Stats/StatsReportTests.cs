using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Stats;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;
using static TacoMail.Reconciler.Tests.Stats.StatsFixtures;

namespace TacoMail.Reconciler.Tests.Stats;

/// <summary>How a report is built from the table: what counts as an alias, grouping, totals and filters.</summary>
public sealed class StatsReportTests
{
    [Fact]
    public void Build_Default_GroupsEveryAliasByDomainInKeyOrder_WithTotals()
    {
        var report = Report();

        report.Domains.Select(d => d.Domain).ShouldBe(["example.com", "mail.example.org"]);
        report.Domains[0].Aliases.Length.ShouldBe(8);
        report.Domains[0].UseCount.ShouldBe(42 + 12 + 1 + 7 + 5 + 3);
        report.Domains[0].LastUsed.ShouldBe(Now.AddHours(-2));
        report.Domains[0].UnusedFor.ShouldBe(TimeSpan.FromHours(2));
        report.Domains[1].Aliases.Select(a => a.Address).ShouldBe(["hello@mail.example.org", "forums@mail.example.org"]);
        report.Domains[1].UseCount.ShouldBe(3);
        report.AliasCount.ShouldBe(10);
        report.AliasesRead.ShouldBe(10);
        report.UseCount.ShouldBe(73);
        report.LastUsed.ShouldBe(Now.AddHours(-2));
        report.HasUnknownLastUse.ShouldBeTrue();
        report.At.ShouldBe(Now);
    }

    [Fact]
    public void Build_TableWithReservedAndConfigItems_CountsOnlyAliases()
    {
        var report = Report();

        Addresses(report).ShouldAllBe(a => !a.Contains("tacomail-", StringComparison.Ordinal));
        report.Domains.ShouldNotContain(d => d.Domain.StartsWith("tacomail-", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_UnreadableItems_AreSkippedOutsideTheReservedPartitionsOnly()
    {
        var report = Report();

        report.Skipped.Select(s => s.Key?.FullAddress).ShouldBe([null, "broken@example.com"], ignoreOrder: true);
    }

    [Fact]
    public void Build_UnusedFor_ListsOnlyActiveOrPausedAliasesWithoutMailForThatLong()
    {
        var report = Report(new StatsQuery(UnusedFor: TimeSpan.FromDays(90)));

        Addresses(report).ShouldBe(
        [
            "old@example.com", "noisy@example.com", "first.last@example.com", "legacy@example.com",
            "forums@mail.example.org",
        ]);
        report.AliasCount.ShouldBe(5);
        report.AliasesRead.ShouldBe(10);
        report.Domains[0].UseCount.ShouldBe(1 + 7 + 5);
        report.Domains[0].LastUsed.ShouldBe(Now.AddDays(-100));
        report.Domains[1].LastUsed.ShouldBeNull();
        report.Domains[1].UnusedFor.ShouldBeNull();
    }

    [Fact]
    public void Build_UnusedForNothingMatches_HasNoDomainsButCountsWhatItRead()
    {
        var report = Report(new StatsQuery(UnusedFor: TimeSpan.FromDays(1000)));

        report.Domains.ShouldBeEmpty();
        report.AliasCount.ShouldBe(0);
        report.AliasesRead.ShouldBe(10);
        report.UseCount.ShouldBe(0);
        report.LastUsed.ShouldBeNull();
        report.HasUnknownLastUse.ShouldBeFalse();
    }

    [Fact]
    public void Build_Domain_KeepsThatDomainAndItsSubdomains_AndItsSkippedItems()
    {
        var org = Report(new StatsQuery(Domain: "example.org"));
        var com = Report(new StatsQuery(Domain: "example.com"));

        org.Domains.Select(d => d.Domain).ShouldBe(["mail.example.org"]);
        org.AliasesRead.ShouldBe(2);
        org.Skipped.Select(s => s.Key?.FullAddress).ShouldBe([null]);
        com.Domains.Select(d => d.Domain).ShouldBe(["example.com"]);
        com.AliasesRead.ShouldBe(8);
        com.Skipped.Select(s => s.Key?.FullAddress).ShouldBe([null, "broken@example.com"], ignoreOrder: true);
    }

    [Fact]
    public void Build_EmptyTable_HasNothing()
    {
        var report = StatsReport.Build(ActualState.Empty, StatsQuery.Default, Now);

        report.Domains.ShouldBeEmpty();
        report.AliasesRead.ShouldBe(0);
        report.Skipped.ShouldBeEmpty();
        report.LastUsed.ShouldBeNull();
    }

    [Fact]
    public void DomainStats_WithoutAliasesOrWithAStranger_Throws()
    {
        var stranger = AliasStats.Of(Record("shop@example.org"), Now);

        Should.Throw<ArgumentException>(() => new DomainStats("example.com", ImmutableArray<AliasStats>.Empty));
        Should.Throw<ArgumentException>(() => new DomainStats("example.com", [stranger]));
    }

    [Theory]
    [InlineData(TableContract.ReversePartition)]
    [InlineData(TableContract.DeliveryPartition)]
    [InlineData(TableContract.ConfigPartition)]
    public void Build_AliasShapedItemInAReservedPartition_IsNotAnAlias(string partition)
    {
        var item = AliasItemCodec.Encode(Record($"shop@{partition}", useCount: 9, lastUsed: Now));

        var report = StatsReport.Build(Actual(TableItemClassifier.Classify(item)), StatsQuery.Default, Now);

        report.AliasesRead.ShouldBe(0);
        report.Skipped.ShouldBeEmpty();
    }
}
