using TacoMail.Reconciler.Stats;

namespace TacoMail.Reconciler.Tests.Stats;

/// <summary><c>--domain</c> matches the domain and its subdomains, by label, not by any suffix.</summary>
public sealed class StatsQueryTests
{
    [Theory]
    [InlineData(null, "example.com", true)]
    [InlineData("example.com", "example.com", true)]
    [InlineData("example.com", "mail.example.com", true)]
    [InlineData("example.com", "a.b.example.com", true)]
    [InlineData("example.com", "notexample.com", false)]
    [InlineData("example.com", "example.com.evil", false)]
    [InlineData("mail.example.com", "example.com", false)]
    [InlineData("example.com", "example.org", false)]
    public void InDomain_MatchesTheDomainAndItsSubdomains(string? domain, string subDomain, bool expected)
    {
        new StatsQuery(Domain: domain).InDomain(subDomain).ShouldBe(expected);
    }

    [Theory]
    [InlineData("last-used", (int)StatsSort.LastUsed)]
    [InlineData("uses", (int)StatsSort.Uses)]
    [InlineData("address", (int)StatsSort.Address)]
    public void SortNames_ReadAndWriteBack(string name, int sort)
    {
        StatsSortNames.TryParse(name, out var parsed).ShouldBeTrue();
        parsed.ShouldBe((StatsSort)sort);
        ((StatsSort)sort).ToName().ShouldBe(name);
    }

    [Theory]
    [InlineData("Uses")]
    [InlineData("last_used")]
    [InlineData("")]
    [InlineData(null)]
    public void SortNames_UnknownWord_IsRefused(string? name)
    {
        StatsSortNames.TryParse(name, out _).ShouldBeFalse();
    }
}
