using System.Text.Json;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Tests.Rendering;

public sealed class JsonPlanRendererTests
{
    [Fact]
    public void Write_MixedPlan_HasVersionAndSummary()
    {
        using var json = Parse(PlanFixtures.Mixed());
        var root = json.RootElement;

        root.GetProperty("format_version").GetString().ShouldBe("1");
        var summary = root.GetProperty("summary");
        summary.GetProperty("create").GetInt32().ShouldBe(2);
        summary.GetProperty("update").GetInt32().ShouldBe(1);
        summary.GetProperty("delete").GetInt32().ShouldBe(1);
        summary.GetProperty("rename").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Write_MixedPlan_ListsChangesInPlanOrder()
    {
        using var json = Parse(PlanFixtures.Mixed());

        var changes = json.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("action").GetString()} {c.GetProperty("address").GetString()}");

        changes.ShouldBe([
            "update bank@example.com",
            "create news@example.com",
            "delete old@example.com",
            "rename shop@example.com",
            "create hello@mail.example.org",
        ]);
    }

    [Fact]
    public void Write_Update_HasItemAsReadAndDesiredSpec()
    {
        using var json = Parse(PlanFixtures.Mixed());
        var update = Change(json, "bank@example.com");

        var before = update.GetProperty("before");
        before.GetProperty("destination").GetString().ShouldBe(PlanFixtures.Gmail);
        before.GetProperty("state").GetString().ShouldBe("active");
        before.GetProperty("identifier").GetString().ShouldBe("00000000-0000-4000-8000-000000000001");
        before.GetProperty("created_datetime").GetInt64().ShouldBe(1_700_000_001);
        before.GetProperty("modified_datetime").GetInt64().ShouldBe(1_700_000_101);
        before.GetProperty("use_count").GetInt64().ShouldBe(12);
        var after = update.GetProperty("after");
        after.GetProperty("destination").GetString().ShouldBe(PlanFixtures.S3);
        after.GetProperty("state").GetString().ShouldBe("paused");
        after.EnumerateObject().Count().ShouldBe(2);
    }

    [Fact]
    public void Write_Update_ListsAttributeChanges()
    {
        using var json = Parse(PlanFixtures.Mixed());

        var attributes = Change(json, "bank@example.com").GetProperty("attributes").EnumerateArray()
            .Select(a => $"{a.GetProperty("name").GetString()}: {a.GetProperty("before").GetString()} > {a.GetProperty("after").GetString()}");

        attributes.ShouldBe(["destination: me@gmail.com > S3", "state: active > paused"]);
    }

    [Fact]
    public void Write_Create_OmitsFromAndBefore()
    {
        using var json = Parse(PlanFixtures.Mixed());
        var create = Change(json, "news@example.com");

        create.TryGetProperty("from", out _).ShouldBeFalse();
        create.TryGetProperty("before", out _).ShouldBeFalse();
        create.GetProperty("after").GetProperty("destination").GetString().ShouldBe(PlanFixtures.Gmail);
    }

    [Fact]
    public void Write_Delete_OmitsFromAndAfter()
    {
        using var json = Parse(PlanFixtures.Mixed());
        var delete = Change(json, "old@example.com");

        delete.TryGetProperty("from", out _).ShouldBeFalse();
        delete.TryGetProperty("after", out _).ShouldBeFalse();
        delete.GetProperty("before").GetProperty("destination").GetString().ShouldBe(PlanFixtures.Friend);
    }

    [Fact]
    public void Write_Delete_WritesAbsentAttributeValuesAsNull()
    {
        using var json = Parse(PlanFixtures.Mixed());

        var attribute = Change(json, "old@example.com").GetProperty("attributes")[0];

        attribute.GetProperty("before").GetString().ShouldBe(PlanFixtures.Friend);
        attribute.GetProperty("after").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Write_Rename_HasOldAddressAsFrom()
    {
        using var json = Parse(PlanFixtures.Mixed());
        var rename = Change(json, "shop@example.com");

        rename.GetProperty("from").GetString().ShouldBe("oldshop@example.com");
        rename.GetProperty("before").GetProperty("use_count").GetInt64().ShouldBe(7);
        rename.GetProperty("attributes").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Write_ConfigChange_HasItemAndValues()
    {
        using var json = Parse(PlanFixtures.Mixed());

        var change = json.RootElement.GetProperty("config_changes")[0];

        change.GetProperty("action").GetString().ShouldBe("update");
        change.GetProperty("item").GetString().ShouldBe("sub_domains");
        Strings(change.GetProperty("before")).ShouldBe(["example.com", "old.example"]);
        Strings(change.GetProperty("after")).ShouldBe(["example.com", "mail.example.org"]);
        Strings(change.GetProperty("added")).ShouldBe(["mail.example.org"]);
        Strings(change.GetProperty("removed")).ShouldBe(["old.example"]);
    }

    [Fact]
    public void Write_UnsafePlan_DescribesViolation()
    {
        using var json = Parse(PlanFixtures.Mixed());
        var safety = json.RootElement.GetProperty("safety");

        safety.GetProperty("safe").GetBoolean().ShouldBeFalse();
        var violation = safety.GetProperty("violations").EnumerateArray().ShouldHaveSingleItem();
        violation.GetProperty("check").GetString().ShouldBe("deletes");
        violation.GetProperty("count").GetInt32().ShouldBe(1);
        violation.GetProperty("existing").GetInt32().ShouldBe(4);
        violation.GetProperty("percent").GetDecimal().ShouldBe(25m);
        violation.GetProperty("threshold_percent").GetDecimal().ShouldBe(10m);
    }

    [Fact]
    public void Write_SkippedItems_HaveReasonAndKeyWhenKnown()
    {
        var plan = PlanFixtures.Mixed();
        plan = plan with { Skipped = plan.Skipped.Add(new ScannedUnreadableItem(null, "item (?, ?): attribute 'sub_domain' is missing")) };
        using var json = Parse(plan);

        var skipped = json.RootElement.GetProperty("skipped");

        skipped[0].GetProperty("key").GetString().ShouldBe("broken@example.com");
        skipped[0].GetProperty("reason").GetString().ShouldBe("item (example.com, broken): attribute 'destination' is missing");
        skipped[1].TryGetProperty("key", out _).ShouldBeFalse();
        skipped[1].GetProperty("reason").GetString().ShouldBe("item (?, ?): attribute 'sub_domain' is missing");
    }

    [Fact]
    public void Write_MixedPlan_HasBasisDigestAndExistingCount()
    {
        var plan = PlanFixtures.Mixed();
        using var json = Parse(plan);
        var root = json.RootElement;

        root.GetProperty("existing_aliases").GetInt32().ShouldBe(4);
        root.GetProperty("changes_digest").GetString().ShouldBe(plan.ChangesDigest);
        var table = root.GetProperty("basis").GetProperty("table");
        table.EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ShouldBe(plan.Basis.Table.Select(p => (p.Key, (string?)p.Value)));
        var desired = root.GetProperty("basis").GetProperty("desired");
        desired.EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ShouldBe(plan.Basis.Desired.Select(p => (p.Key, (string?)p.Value)));
    }

    [Fact]
    public void Write_MixedPlan_NeverMasksDestinations()
    {
        var text = Text(PlanFixtures.Mixed());

        text.ShouldContain("\"destination\": \"me@gmail.com\"");
        text.ShouldNotContain("***");
    }

    [Fact]
    public void Write_NoChanges_HasZeroSummaryAndEmptyLists()
    {
        using var json = Parse(PlanFixtures.NoChanges());
        var root = json.RootElement;

        root.GetProperty("summary").EnumerateObject().Select(p => p.Value.GetInt32()).ShouldAllBe(n => n == 0);
        root.GetProperty("changes").GetArrayLength().ShouldBe(0);
        root.GetProperty("config_changes").GetArrayLength().ShouldBe(0);
        root.GetProperty("safety").GetProperty("safe").GetBoolean().ShouldBeTrue();
        root.GetProperty("safety").GetProperty("violations").GetArrayLength().ShouldBe(0);
        root.GetProperty("skipped").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Write_MixedPlan_IsIndentedWithLineFeeds()
    {
        var text = Text(PlanFixtures.Mixed());

        text.ShouldStartWith("{\n  \"format_version\": \"1\",\n  \"scope\": \"all\",\n  \"summary\": {\n    \"create\": 2,");
        text.ShouldNotContain("\r");
    }

    [Fact]
    public void Render_ToConsole_WritesSameJsonAndNewLine()
    {
        using var console = new TestConsole().Width(20);

        new JsonPlanRenderer().Render(PlanFixtures.Mixed(), console);

        console.Output.ShouldBe(Text(PlanFixtures.Mixed()) + "\n");
    }

    [Fact]
    public void Write_UnknownAction_Throws()
    {
        var plan = PlanFixtures.WithUnknownAction(PlanFixtures.Mixed());
        using var stream = new MemoryStream();

        Should.Throw<ArgumentOutOfRangeException>(() => JsonPlanRenderer.Write(plan, stream));
    }

    private static JsonDocument Parse(Plan plan) => JsonDocument.Parse(Text(plan));

    private static string Text(Plan plan)
    {
        using var stream = new MemoryStream();
        JsonPlanRenderer.Write(plan, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonElement Change(JsonDocument json, string address) =>
        json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("address").GetString() == address);

    private static string?[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];
}
