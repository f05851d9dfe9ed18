using System.Text.Json;
using TacoMail.Reconciler.Stats;
using TacoMail.Reconciler.Tests.Rendering;
using static TacoMail.Reconciler.Tests.Stats.StatsFixtures;

namespace TacoMail.Reconciler.Tests.Stats;

public sealed class StatsJsonRendererTests
{
    [Fact]
    public void Write_UnusedFor_MatchesGoldenFile()
    {
        var report = Report(new StatsQuery(UnusedFor: TimeSpan.FromDays(90)));

        GoldenFile.ShouldMatch(new StatsJsonRenderer().Write(report) + "\n", "stats.unused.json");
    }

    [Fact]
    public void Write_Default_HasVersionQuerySummaryAndEveryAliasInReportOrder()
    {
        using var json = JsonDocument.Parse(new StatsJsonRenderer().Write(Report()));
        var root = json.RootElement;

        root.GetProperty("format_version").GetString().ShouldBe("1");
        root.GetProperty("generated_at").GetString().ShouldBe("2026-12-01T12:00:00Z");
        var query = root.GetProperty("query");
        query.GetProperty("sort").GetString().ShouldBe("last-used");
        query.GetProperty("reverse").GetBoolean().ShouldBeFalse();
        query.GetProperty("domain").ValueKind.ShouldBe(JsonValueKind.Null);
        query.GetProperty("unused_for").ValueKind.ShouldBe(JsonValueKind.Null);
        query.GetProperty("unused_since").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("destinations_masked").GetBoolean().ShouldBeFalse();
        var summary = root.GetProperty("summary");
        summary.GetProperty("domain_count").GetInt32().ShouldBe(2);
        summary.GetProperty("alias_count").GetInt32().ShouldBe(10);
        summary.GetProperty("aliases_read").GetInt32().ShouldBe(10);
        summary.GetProperty("use_count").GetInt64().ShouldBe(73);
        summary.GetProperty("last_used_at").GetString().ShouldBe("2026-12-01T10:00:00Z");
        var addresses = root.GetProperty("domains").EnumerateArray()
            .SelectMany(d => d.GetProperty("aliases").EnumerateArray())
            .Select(a => a.GetProperty("address").GetString());
        addresses.ShouldBe(Addresses(Report()));
    }

    [Fact]
    public void Write_Alias_HasUseTimesAndAges()
    {
        using var json = JsonDocument.Parse(new StatsJsonRenderer().Write(Report()));
        var aliases = json.RootElement.GetProperty("domains")[0].GetProperty("aliases").EnumerateArray().ToList();

        var bank = aliases.Single(a => a.GetProperty("address").GetString() == "bank@example.com");
        bank.GetProperty("state").GetString().ShouldBe("active");
        bank.GetProperty("destination").GetString().ShouldBe(Gmail);
        bank.GetProperty("use_count").GetInt64().ShouldBe(12);
        bank.GetProperty("last_used_at").GetString().ShouldBe("2026-11-28T08:00:00Z");
        bank.GetProperty("unused_for_seconds").GetInt64().ShouldBe((3 * 24 + 4) * 3600);
        bank.GetProperty("created_at").GetString().ShouldBe("2025-10-27T12:00:00Z");
        var legacy = aliases.Single(a => a.GetProperty("address").GetString() == "legacy@example.com");
        legacy.GetProperty("use_count").GetInt64().ShouldBe(5);
        legacy.GetProperty("last_used_at").ValueKind.ShouldBe(JsonValueKind.Null);
        legacy.GetProperty("unused_for_seconds").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Write_MaskDestinations_SaysSoAndShowsNoMailbox()
    {
        var output = new StatsJsonRenderer(maskDestinations: true).Write(Report());

        output.ShouldNotContain(Gmail);
        output.ShouldNotContain(Friend);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("destinations_masked").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("domains")[0].GetProperty("aliases")[0].GetProperty("destination").GetString().ShouldBe("m***@gmail.com");
    }

    [Fact]
    public void Write_Skipped_NamesKeyOrNull()
    {
        using var json = JsonDocument.Parse(new StatsJsonRenderer().Write(Report()));

        var skipped = json.RootElement.GetProperty("skipped").EnumerateArray()
            .Select(s => s.GetProperty("key").ValueKind == JsonValueKind.Null ? "(null)" : s.GetProperty("key").GetString())
            .ToList();
        skipped.ShouldBe(["(null)", "broken@example.com"], ignoreOrder: true);
    }

    [Fact]
    public void Render_WritesOneDocumentAndALineBreak()
    {
        var output = StatsRendering.Render(new StatsJsonRenderer(), Report());

        output.ShouldBe(new StatsJsonRenderer().Write(Report()) + "\n");
    }
}
