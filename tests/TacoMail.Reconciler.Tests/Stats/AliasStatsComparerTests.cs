using TacoMail.Reconciler.Stats;
using TacoMail.Schema.Records;
using static TacoMail.Reconciler.Tests.Stats.StatsFixtures;

namespace TacoMail.Reconciler.Tests.Stats;

/// <summary>The <c>--sort</c> orders within a domain, each also reversed; ties go by address.</summary>
public sealed class AliasStatsComparerTests
{
    private static List<string> ExampleCom(StatsSort sort, bool reverse = false) =>
        Addresses(Report(new StatsQuery(sort, reverse, Domain: "example.com")));

    [Fact]
    public void LastUsed_MostRecentFirst_UnknownLastByAddress()
    {
        ExampleCom(StatsSort.LastUsed).ShouldBe(
        [
            "shop@example.com", "bank@example.com", "old@example.com", "noisy@example.com", "gone@example.com",
            "first.last@example.com", "legacy@example.com", "new@example.com",
        ]);
    }

    [Fact]
    public void LastUsed_Reversed_OldestFirst_UnknownFirstButStillByAddress()
    {
        ExampleCom(StatsSort.LastUsed, reverse: true).ShouldBe(
        [
            "first.last@example.com", "legacy@example.com", "new@example.com",
            "gone@example.com", "noisy@example.com", "old@example.com", "bank@example.com", "shop@example.com",
        ]);
    }

    [Fact]
    public void Uses_MostFirst_TiesByAddress()
    {
        ExampleCom(StatsSort.Uses).ShouldBe(
        [
            "shop@example.com", "bank@example.com", "noisy@example.com", "legacy@example.com", "gone@example.com", "old@example.com",
            "first.last@example.com", "new@example.com",
        ]);
    }

    [Fact]
    public void Uses_Reversed_FewestFirst_TiesStillByAddress()
    {
        ExampleCom(StatsSort.Uses, reverse: true).ShouldBe(
        [
            "first.last@example.com", "new@example.com", "old@example.com", "gone@example.com", "legacy@example.com", "noisy@example.com",
            "bank@example.com", "shop@example.com",
        ]);
    }

    [Theory]
    [InlineData(false, new[] { "a@example.com", "a.b@example.com", "b@example.com" })]
    [InlineData(true, new[] { "b@example.com", "a.b@example.com", "a@example.com" })]
    public void Address_IsTheTableKeyOrder_ByLocalPartNotByFullAddress(bool reverse, string[] expected)
    {
        var actual = Actual(
            new ScannedAliasItem(Record("a.b@example.com")), new ScannedAliasItem(Record("b@example.com")), new ScannedAliasItem(Record("a@example.com")));

        var report = StatsReport.Build(actual, new StatsQuery(StatsSort.Address, reverse), Now);

        // By full address, "a.b@" would come before "a@" ('.' < '@'); plans and the table order by local part.
        Addresses(report).ShouldBe(expected);
    }

    [Fact]
    public void Constructor_UndefinedSort_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new AliasStatsComparer((StatsSort)99, reverse: false));
    }
}
