using System.Text.Json;
using Spectre.Console;
using TacoMail.Reconciler.Rendering;
using static TacoMail.Reconciler.Tests.Rendering.RenderedPlan;

namespace TacoMail.Reconciler.Tests.Rendering;

/// <summary>How each renderer shows the usage of the aliases a plan stops or redirects.</summary>
public sealed class UsageRenderingTests
{
    [Fact]
    public void Text_MixedPlan_ShowsUsageUnderAffectedChangesOnly()
    {
        var output = Text(PlanFixtures.Mixed());

        output.ShouldContain("  ~ bank@example.com\n      destination: me@gmail.com → S3\n      state: active → paused\n      usage: 12 messages, last used 2026-11-28T12:00:00Z\n");
        output.ShouldContain("  - old@example.com\n      destination: friend@example.org\n      state: active\n      usage: 1 message, last used 2026-08-23T12:00:00Z\n");
        output.ShouldContain("  → shop@example.com (from oldshop@example.com)\n      usage: 7 messages, last used unknown\n");
        output.ShouldNotContain("  + news@example.com\n      destination: me@gmail.com\n      state: active\n      usage");
    }

    [Fact]
    public void Text_MixedPlan_WarnsOfRecentlyUsedAliasesBeforeTheSummary()
    {
        var output = Text(PlanFixtures.Mixed());

        output.ShouldEndWith(
            "Warning: 1 of the affected aliases received mail in the last 30 days:\n"
            + "  - bank@example.com (update): 12 messages, last used 2026-11-28T12:00:00Z\n\n"
            + "Plan: 2 to create, 1 to update, 1 to rename, 1 to delete.\n");
    }

    [Fact]
    public void Text_NothingRecentlyUsed_HasNoWarning()
    {
        Text(PlanFixtures.Deletes(3, recent: 0)).ShouldNotContain("received mail");
    }

    [Fact]
    public void Json_AffectedChange_HasUseCountAndIsoLastUsed()
    {
        using var json = Json(PlanFixtures.Mixed());

        var usage = Change(json, "bank@example.com").GetProperty("usage");

        usage.EnumerateObject().Select(p => p.Name).ShouldBe(["use_count", "last_used"]);
        usage.GetProperty("use_count").GetInt64().ShouldBe(12);
        usage.GetProperty("last_used").GetString().ShouldBe("2026-11-28T12:00:00Z");
    }

    [Fact]
    public void Json_UnknownLastUse_IsNull()
    {
        using var json = Json(PlanFixtures.Mixed());

        var usage = Change(json, "shop@example.com").GetProperty("usage");

        usage.GetProperty("use_count").GetInt64().ShouldBe(7);
        usage.GetProperty("last_used").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Json_Create_HasNoUsage()
    {
        using var json = Json(PlanFixtures.Mixed());

        Change(json, "news@example.com").TryGetProperty("usage", out _).ShouldBeFalse();
    }

    [Fact]
    public void Json_Summary_CountsRecentlyUsed()
    {
        using var json = Json(PlanFixtures.Deletes(5, recent: 2));

        json.RootElement.GetProperty("summary").GetProperty("recently_used").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Markdown_RecentlyUsed_ListedBeforeEveryChangeSection()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Deletes(5, recent: 2), MarkdownOptions.Default);

        var caution = output.IndexOf("> [!CAUTION]\n> **2 of the affected aliases received mail in the last 30 days:**\n"
            + "> - alias00003\\@example.com (delete): 3 messages, last used 2026-11-30T12:00:00Z\n"
            + "> - alias00004\\@example.com (delete): 4 messages, last used 2026-11-30T12:00:00Z\n\n", StringComparison.Ordinal);
        caution.ShouldBeGreaterThan(0);
        caution.ShouldBeLessThan(output.IndexOf("### Aliases", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_ChangeEntry_ShowsUsageAsAContextLine()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Deletes(2, recent: 0), MarkdownOptions.Default);

        output.ShouldContain("- delete alias00001@example.com\n-    destination: someone.with.a.long.name00001@example.org\n-    state: active\n     usage: 1 message, last used unknown\n");
        output.ShouldNotContain("[!CAUTION]");
    }

    [Fact]
    public void Markdown_Masked_UsageKeepsDestinationsMasked()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Deletes(3, recent: 3), new MarkdownOptions { MaskDestinations = true });

        output.ShouldContain("> - alias00002\\@example.com (delete): 2 messages");
        output.ShouldNotContain("someone.with");
        output.ShouldContain("s***@example.org");
    }

    [Fact]
    public void Markdown_ManyRecentlyUsed_StaysWithinMaxLengthAndCountsTheRest()
    {
        var options = new MarkdownOptions { MaxLength = 6_000 };

        var output = MarkdownPlanRenderer.Render(PlanFixtures.Deletes(2_000, recent: 1_000), options);

        output.Length.ShouldBeLessThan(options.MaxLength);
        output.ShouldContain("> **1,000 of the affected aliases received mail in the last 30 days:**\n> - alias01000\\@example.com (delete)");
        output.ShouldMatch(@"> - _…and [0-9,]+ more not shown\._\n\n");
    }

    private static JsonElement Change(JsonDocument json, string address) =>
        json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("address").GetString() == address);
}
