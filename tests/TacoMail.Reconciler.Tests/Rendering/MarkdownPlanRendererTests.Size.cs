using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Tests.Rendering;

public sealed partial class MarkdownPlanRendererTests
{
    private const int Aliases = 20_000;

    [Fact]
    public void Render_20000CreatesIn50Domains_StaysUnderMaxLength()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Creates(Aliases, 50), Unmasked);

        output.Length.ShouldBeLessThan(MarkdownOptions.DefaultMaxLength);
    }

    [Fact]
    public void Render_20000CreatesIn50Domains_EndsWithNoteCountingWhatIsLeftOut()
    {
        var plan = PlanFixtures.Creates(Aliases, 50);

        var output = MarkdownPlanRenderer.Render(plan, Unmasked);

        ShouldEndWithExactNote(plan, output);
    }

    [Fact]
    public void Render_20000CreatesIn50Domains_ShowsFirstDomainInFullAndListsTheRest()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Creates(Aliases, 50), Unmasked);

        output.ShouldContain("<details><summary>d00000.example — 400 to create</summary>");
        output.ShouldContain("\n- d00049.example — 400 to create\n");
    }

    [Fact]
    public void Render_20000ChangesInOneDomain_StaysUnderMaxLength()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Creates(Aliases, 1), Unmasked);

        output.Length.ShouldBeLessThan(MarkdownOptions.DefaultMaxLength);
    }

    [Fact]
    public void Render_20000ChangesInOneDomain_ShowsFirstChangesAndCountsTheRest()
    {
        var plan = PlanFixtures.Creates(Aliases, 1);

        var output = MarkdownPlanRenderer.Render(plan, Unmasked);

        var shown = ShownCreates(output).Count;
        shown.ShouldBeGreaterThan(100);
        output.ShouldContain($"_…and {Aliases - shown:N0} more changes in this domain not shown._");
        ShouldEndWithExactNote(plan, output);
    }

    [Fact]
    public void Render_20000Domains_CutsDomainListAndSaysHowManyAreNotListed()
    {
        var plan = PlanFixtures.Creates(Aliases, Aliases);

        var output = MarkdownPlanRenderer.Render(plan, Unmasked);

        output.Length.ShouldBeLessThan(MarkdownOptions.DefaultMaxLength);
        var shownDomains = ShownCreates(output).Select(a => a.Domain).Distinct().Count();
        var listed = Regex.Count(output, "^- d\\d+\\.example — 1 to create$", RegexOptions.Multiline);
        listed.ShouldBeGreaterThan(0);
        output.ShouldEndWith($" ({Aliases - shownDomains - listed:N0} of these domains not listed by name); run tacomail plan locally for the full plan._\n");
        ShouldEndWithExactNote(plan, output);
    }

    [Theory]
    [InlineData(MarkdownOptions.MinimumMaxLength)]
    [InlineData(10_000)]
    [InlineData(MarkdownOptions.DefaultMaxLength)]
    public void Render_LargeUnsafePlanWithSkippedItems_StaysUnderAnyMaxLength(int maxLength)
    {
        var large = PlanFixtures.Creates(Aliases, 50);
        var mixed = PlanFixtures.Mixed();
        var plan = large with
        {
            Violations = mixed.Violations,
            ConfigChanges = mixed.ConfigChanges,
            Skipped = [.. Enumerable.Repeat(mixed.Skipped[0], 5_000)],
        };

        var output = MarkdownPlanRenderer.Render(plan, new MarkdownOptions { MaxLength = maxLength });

        output.Length.ShouldBeLessThan(maxLength);
        output.ShouldContain("> [!WARNING]");
        output.ShouldMatch("(?s)### Skipped items\n\n5,000 table items .* not shown.*\n\n### Configuration\n");
        output.ShouldEndWith("run tacomail plan locally for the full plan._\n");
    }

    [Fact]
    public void Render_ManySkippedItems_ShowsFirstAndCountsTheRest()
    {
        var item = PlanFixtures.Mixed().Skipped[0];
        var plan = PlanFixtures.NoChanges() with { Skipped = [.. Enumerable.Repeat(item, 5_000)] };

        var output = MarkdownPlanRenderer.Render(plan, Unmasked);

        var shown = Regex.Count(output, "^- broken@example\\.com: ", RegexOptions.Multiline);
        shown.ShouldBeGreaterThan(0);
        output.Length.ShouldBeLessThan(MarkdownOptions.DefaultMaxLength);
        output.ShouldEndWith($"```\n\n_…and {5_000 - shown:N0} more items not shown._\n");
    }

    [Fact]
    public void Render_ManyConfigValues_ShowsFirstAndCountsTheRest()
    {
        var plan = PlanFixtures.Mixed();
        var domains = Enumerable.Range(0, 20_000).Select(i => $"d{i:D5}.example").ToImmutableSortedSet(StringComparer.Ordinal);
        plan = plan with { ConfigChanges = [plan.ConfigChanges[0] with { After = domains }] };

        var output = MarkdownPlanRenderer.Render(plan, Unmasked);

        var shown = Regex.Count(output, "^\\+ d\\d{5}\\.example$", RegexOptions.Multiline);
        shown.ShouldBeGreaterThan(0);
        output.Length.ShouldBeLessThan(MarkdownOptions.DefaultMaxLength);
        output.ShouldContain($"\n  …and {20_000 + 2 - shown:N0} more values not shown\n```\n");
    }

    [Fact]
    public void Render_PlanThatFits_HasNoNote()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Creates(100, 5), Unmasked);

        ShownCreates(output).Count.ShouldBe(100);
        output.ShouldNotContain("not shown");
    }

    /// <summary>Checks the closing note against the creates actually shown in the output.</summary>
    private static void ShouldEndWithExactNote(Plan plan, string output)
    {
        var shown = ShownCreates(output);
        var hiddenDomains = plan.Domains.Count(d => shown.Count(s => s.Domain == d.Domain) < d.Changes.Length);
        var lastLine = output.TrimEnd('\n').Split('\n')[^1];
        var note = Regex.Match(lastLine, "^_…and ([0-9,]+) (more )?changes? in ([0-9,]+) domains? not shown( \\([0-9,]+ of these domains not listed by name\\))?; run tacomail plan locally for the full plan\\._$");

        note.Success.ShouldBeTrue(lastLine);
        int.Parse(note.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBe(plan.AliasChanges.Length - shown.Count);
        int.Parse(note.Groups[3].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBe(hiddenDomains);
    }

    private static List<(string Address, string Domain)> ShownCreates(string output) =>
        [.. Regex.Matches(output, "^\\+ create (\\S+@(\\S+))$", RegexOptions.Multiline).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];
}
