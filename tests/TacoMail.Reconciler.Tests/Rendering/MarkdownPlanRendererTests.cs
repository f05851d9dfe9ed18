using Spectre.Console.Testing;
using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Tests.Rendering;

public sealed partial class MarkdownPlanRendererTests
{
    private static readonly MarkdownOptions Unmasked = MarkdownOptions.Default;
    private static readonly MarkdownOptions Masked = new() { MaskDestinations = true };

    [Fact]
    public void Render_MixedPlan_MatchesGoldenFile()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);

        GoldenFile.ShouldMatch(output, "plan.md");
    }

    [Fact]
    public void Render_MixedPlanMasked_MatchesGoldenFile()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Masked);

        GoldenFile.ShouldMatch(output, "plan.masked.md");
    }

    [Fact]
    public void Render_MixedPlan_StartsWithTitleAndSummaryTable()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);

        output.ShouldStartWith(
            "## TacoMail plan\n\n| Create | Update | Rename | Delete |\n| ---: | ---: | ---: | ---: |\n| 2 | 1 | 1 | 1 |\n\n");
    }

    [Fact]
    public void Render_UnsafePlan_HasWarningAlert()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);

        output.ShouldContain("> [!WARNING]\n");
        output.ShouldContain("> - it deletes 1 of 4 existing aliases (25%, limit 10%)\n");
    }

    [Fact]
    public void Render_SafePlan_HasNoWarningAlert()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Creates(3, 1), Unmasked);

        output.ShouldNotContain("[!WARNING]");
    }

    [Fact]
    public void Render_MixedPlan_HasOneCollapsibleSectionPerDomain()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);

        output.ShouldContain("<details><summary>example.com — 1 to create, 1 to update, 1 to rename, 1 to delete</summary>\n\n```diff\n");
        output.ShouldContain("<details><summary>mail.example.org — 1 to create</summary>\n\n```diff\n");
    }

    [Fact]
    public void Render_Update_ShowsOldAndNewValueLines()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);

        output.ShouldContain(
            "! update bank@example.com\n-    destination: me@gmail.com\n+    destination: S3\n-    state: active\n+    state: paused\n");
    }

    [Fact]
    public void Render_SkippedItem_IsListedWithReason()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);

        output.ShouldContain("- broken@example.com: item (example.com, broken): attribute 'destination' is missing\n");
    }

    [Fact]
    public void Render_NoChanges_SaysTableMatches()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.NoChanges(), Unmasked);

        output.ShouldBe("## TacoMail plan\n\nNo changes. The table matches the configuration.\n");
    }

    [Fact]
    public void Render_SamePlanTwice_GivesSameText()
    {
        var first = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);
        var second = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);

        second.ShouldBe(first);
    }

    [Fact]
    public void Render_KeyClosingCodeBlock_StaysInsideIt()
    {
        var plan = PlanFixtures.NoChanges() with
        {
            Skipped = [new Schema.Records.ScannedUnreadableItem(null, "x\n```\n<img src=x>")],
        };

        var output = MarkdownPlanRenderer.Render(plan, Unmasked);

        output.ShouldContain("- (unreadable key): x\\u000A```\\u000A<img src=x>\n");
    }

    [Fact]
    public void Render_ThroughNarrowConsole_WritesSameTextUnwrapped()
    {
        using var console = new TestConsole().Width(20);

        new MarkdownPlanRenderer(Masked).Render(PlanFixtures.Mixed(), console);

        console.Output.ShouldBe(MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Masked));
    }

    [Fact]
    public void Render_UnknownAction_Throws()
    {
        var plan = PlanFixtures.WithUnknownAction(PlanFixtures.Mixed());

        Should.Throw<ArgumentOutOfRangeException>(() => MarkdownPlanRenderer.Render(plan, Unmasked));
    }
}
