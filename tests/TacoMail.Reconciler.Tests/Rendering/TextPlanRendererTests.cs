using Spectre.Console;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Tests.Rendering;

public sealed class TextPlanRendererTests
{
    private const string Escape = "\u001b[";

    [Fact]
    public void Render_MixedPlanWithoutColour_MatchesGoldenFile()
    {
        var output = Render(PlanFixtures.Mixed(), ColorSystem.NoColors);

        GoldenFile.ShouldMatch(output, "plan.txt");
    }

    [Fact]
    public void Render_ConsoleWithoutColour_WritesNoEscapeSequences()
    {
        var output = Render(PlanFixtures.Mixed(), ColorSystem.NoColors);

        output.ShouldNotContain(Escape);
        output.ShouldContain("  + news@example.com\n");
    }

    [Fact]
    public void Render_ConsoleWithColour_ColoursEachAction()
    {
        var output = Render(PlanFixtures.Mixed(), ColorSystem.Standard);

        output.ShouldContain($"{Escape}32m+ news@example.com");
        output.ShouldContain($"{Escape}93m~ bank@example.com");
        output.ShouldContain($"{Escape}96m→ shop@example.com");
        output.ShouldContain($"{Escape}91m- old@example.com");
    }

    [Fact]
    public void Render_Update_ShowsEachAttributeBeforeAndAfter()
    {
        var output = Render(PlanFixtures.Mixed(), ColorSystem.NoColors);

        output.ShouldContain("  ~ bank@example.com\n      destination: me@gmail.com → S3\n      state: active → paused\n");
    }

    [Fact]
    public void Render_CreateAndDelete_ShowTheirOnlyValues()
    {
        var output = Render(PlanFixtures.Mixed(), ColorSystem.NoColors);

        output.ShouldContain("  + news@example.com\n      destination: me@gmail.com\n      state: active\n");
        output.ShouldContain("  - old@example.com\n      destination: friend@example.org\n      state: active\n");
    }

    [Fact]
    public void Render_Rename_NamesOldAddress()
    {
        var output = Render(PlanFixtures.Mixed(), ColorSystem.NoColors);

        output.ShouldContain("  → shop@example.com (from oldshop@example.com)\n");
    }

    [Fact]
    public void Render_ConfigChanges_ComeFirst()
    {
        var output = Render(PlanFixtures.Mixed(), ColorSystem.NoColors);

        output.ShouldStartWith("~ tacomail-config sub_domains: + mail.example.org, - old.example\n~ tacomail-config destinations: + S3\n");
    }

    [Fact]
    public void Render_UnsafePlan_WarnsAndStillListsEveryChange()
    {
        var output = Render(PlanFixtures.Mixed(), ColorSystem.NoColors);

        output.ShouldContain("Warning: this plan exceeds the safety thresholds");
        output.ShouldContain("  - it deletes 1 of 4 existing aliases (25%, limit 10%)");
        output.ShouldContain("- old@example.com");
        output.ShouldEndWith("Plan: 2 to create, 1 to update, 1 to rename, 1 to delete.\n");
    }

    [Fact]
    public void Render_NoChanges_SaysTableMatches()
    {
        var output = Render(PlanFixtures.NoChanges(), ColorSystem.NoColors);

        output.ShouldBe("No changes. The table matches the configuration.\n");
    }

    [Fact]
    public void Render_ValuesLookingLikeMarkup_ArePrintedLiterally()
    {
        var plan = PlanFixtures.NoChanges() with
        {
            Skipped = [new ScannedUnreadableItem(new ItemKey("example.com", "[red]x[/]"), "attribute '[bold]' is missing")],
        };

        var output = Render(plan, ColorSystem.NoColors);

        output.ShouldContain("  - [red]x[/]@example.com: attribute '[bold]' is missing\n");
    }

    [Fact]
    public void Render_ControlCharactersInKey_AreShownEscaped()
    {
        var plan = PlanFixtures.NoChanges() with
        {
            Skipped = [new ScannedUnreadableItem(new ItemKey("example.com", "a\nb\u001b[2J"), "bad")],
        };

        var output = Render(plan, ColorSystem.NoColors);

        output.ShouldContain("  - a\\u000Ab\\u001B[2J@example.com: bad\n");
    }

    [Fact]
    public void Render_UnknownAction_Throws()
    {
        var plan = PlanFixtures.WithUnknownAction(PlanFixtures.Mixed());

        Should.Throw<ArgumentOutOfRangeException>(() => Render(plan, ColorSystem.NoColors));
    }

    private static string Render(Plan plan, ColorSystem colours)
    {
        using var console = new TestConsole().Colors(colours).EmitAnsiSequences().Width(200);
        new TextPlanRenderer().Render(plan, console);
        return console.Output.ReplaceLineEndings("\n");
    }
}
