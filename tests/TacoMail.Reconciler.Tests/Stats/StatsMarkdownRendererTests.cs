using TacoMail.Reconciler.Stats;
using TacoMail.Reconciler.Tests.Rendering;
using TacoMail.Schema.Records;
using static TacoMail.Reconciler.Tests.Stats.StatsFixtures;

namespace TacoMail.Reconciler.Tests.Stats;

public sealed class StatsMarkdownRendererTests
{
    [Fact]
    public void Write_Default_MatchesGoldenFile()
    {
        GoldenFile.ShouldMatch(new StatsMarkdownRenderer().Write(Report()), "stats.md");
    }

    [Fact]
    public void Write_UnusedForMasked_MatchesGoldenFile()
    {
        var report = Report(new StatsQuery(StatsSort.Uses, UnusedFor: TimeSpan.FromDays(90)));

        GoldenFile.ShouldMatch(new StatsMarkdownRenderer(maskDestinations: true).Write(report), "stats.unused.masked.md");
    }

    [Fact]
    public void Write_MaskDestinations_ShowsNoMailbox()
    {
        var output = new StatsMarkdownRenderer(maskDestinations: true).Write(Report());

        output.ShouldNotContain(Gmail);
        output.ShouldNotContain("me\\@gmail.com");
        output.ShouldContain("m\\*\\*\\*\\@gmail.com");
    }

    [Fact]
    public void Write_HandEditedKey_CannotBreakTheTableOrLink()
    {
        var actual = Actual(new ScannedAliasItem(Record("a|b[x](http://evil)@example.com", destination: "<b>@gmail.com")));

        var output = new StatsMarkdownRenderer().Write(StatsReport.Build(actual, StatsQuery.Default, Now));

        output.ShouldContain("| a\\|b\\[x\\](http\\://evil)\\@example.com | active | \\<b\\>\\@gmail.com | 0 | unknown |  |\n");
    }

    [Fact]
    public void Render_WritesTheDocumentAsIs()
    {
        var output = StatsRendering.Render(new StatsMarkdownRenderer(), Report());

        output.ShouldBe(new StatsMarkdownRenderer().Write(Report()));
    }
}
