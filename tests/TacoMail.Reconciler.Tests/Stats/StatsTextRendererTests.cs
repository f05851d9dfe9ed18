using Spectre.Console;
using TacoMail.Reconciler.Stats;
using TacoMail.Reconciler.Tests.Rendering;
using TacoMail.Schema.Records;
using static TacoMail.Reconciler.Tests.Stats.StatsFixtures;
using static TacoMail.Reconciler.Tests.Stats.StatsRendering;

namespace TacoMail.Reconciler.Tests.Stats;

public sealed class StatsTextRendererTests
{
    private const string Escape = "\u001b[";

    [Fact]
    public void Render_Default_MatchesGoldenFile()
    {
        var output = Render(new StatsTextRenderer(), Report());

        GoldenFile.ShouldMatch(TrimLineEnds(output), "stats.txt");
    }

    [Fact]
    public void Render_UnusedForMasked_MatchesGoldenFile()
    {
        var output = Render(new StatsTextRenderer(maskDestinations: true), Report(new StatsQuery(UnusedFor: TimeSpan.FromDays(90))));

        GoldenFile.ShouldMatch(TrimLineEnds(output), "stats.unused.txt");
    }

    [Fact]
    public void Render_DomainRow_CarriesTheDomainsTotals()
    {
        var output = Render(new StatsTextRenderer(), Report());

        output.ShouldMatch(@"(?m)^  mail\.example\.org \(2 aliases\) +3 +\S+ +1 d +$");
        output.ShouldMatch(@"(?m)^    shop@example\.com +active +me@gmail\.com +42 +2026-12-01T10:00:00Z +2 h +$");
    }

    [Fact]
    public void Render_WithoutColour_WritesNoEscapeSequences()
    {
        Render(new StatsTextRenderer(), Report()).ShouldNotContain(Escape);
    }

    [Fact]
    public void Render_MaskDestinations_ShowsNoMailbox()
    {
        var output = Render(new StatsTextRenderer(maskDestinations: true), Report());

        output.ShouldNotContain(Gmail);
        output.ShouldNotContain(Friend);
        output.ShouldContain("m***@gmail.com");
        output.ShouldContain("shop@example.com");
        output.ShouldContain(" S3 ");
    }

    [Fact]
    public void Render_NothingUnused_SaysSoWithoutATable()
    {
        var output = Render(new StatsTextRenderer(), Report(new StatsQuery(UnusedFor: TimeSpan.FromDays(1000))));

        output.ShouldBe(
            "Warning: 2 table items could not be read and are not counted:\n" +
            "  - (unreadable key): attribute 'sub_domain' is missing\n" +
            "  - broken@example.com: item (example.com, broken): attribute 'destination' is missing\n" +
            "\n" +
            "No active or paused alias has gone 1000d without mail (10 aliases read).\n");
    }

    [Fact]
    public void Render_WithColour_ColoursStates()
    {
        var output = Render(new StatsTextRenderer(), Report(), ColorSystem.Standard);

        output.ShouldContain($"{Escape}32mactive");
        output.ShouldContain($"{Escape}93mpaused");
        output.ShouldContain($"{Escape}91mdisabled");
        output.ShouldContain($"{Escape}1mexample.com (8 aliases)");
    }

    [Fact]
    public void Render_ValuesLookingLikeMarkupOrControls_ArePrintedLiterally()
    {
        var actual = Actual(
            new ScannedAliasItem(Record("[red]x[/]@example.com", destination: "[bold]me@gmail.com")),
            new ScannedAliasItem(Record("a\u001b[2J@example.com")));

        var output = Render(new StatsTextRenderer(), StatsReport.Build(actual, StatsQuery.Default, Now));

        output.ShouldContain("[red]x[/]@example.com");
        output.ShouldContain("[bold]me@gmail.com");
        output.ShouldContain("a\\u001B[2J@example.com");
        output.ShouldNotContain("\u001b");
    }
}
