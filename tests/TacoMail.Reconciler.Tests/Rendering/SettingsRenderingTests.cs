using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Tests.Rendering;

/// <summary>The settings change and destination masking in every format.</summary>
public sealed class SettingsRenderingTests
{
    private static readonly DeclaredSettings Stored = new(
        new RoutingSettings("mailer-daemon@example.com", "feedback@example.com", SubAddressSeparators.Default, MessagePolicy.Default),
        SafetyThresholds.Default);

    private static readonly DeclaredSettings Wanted = Stored with
    {
        Routing = Stored.Routing with { Policy = new MessagePolicy(SpamPolicy.Drop, BouncePolicy.Never) },
    };

    /// <summary>The bounce policy changes, an alias's destination changes and the destinations set changes.</summary>
    private static Plan SettingsAndDestinations()
    {
        var key = PlanFixtures.Key("shop@example.com");
        var actual = new ActualState(
            ImmutableSortedDictionary<ItemKey, AliasRecord>.Empty.Add(
                key, new AliasRecord(key, "me@gmail.com", AliasState.Active, "id-1", 1_700_000_000, 1_700_000_100, 0)),
            ImmutableDictionary<ConfigSetKind, ConfigSetRecord>.Empty
                .Add(ConfigSetKind.SubDomains, new ConfigSetRecord(ConfigSetKind.SubDomains, ["example.com"]))
                .Add(ConfigSetKind.Destinations, new ConfigSetRecord(ConfigSetKind.Destinations, ["me@gmail.com"])),
            [],
            new ScannedSettingsItem(Stored));
        var desired = new DesiredState(
            ImmutableSortedDictionary<ItemKey, AliasSpec>.Empty.Add(key, new AliasSpec(key, "partner@fastmail.com", AliasState.Active)),
            [],
            ["example.com"],
            ["partner@fastmail.com"],
            Wanted);
        return Planner.Plan(desired, actual, SafetyThresholds.Default, PlanTime.Now);
    }

    [Fact]
    public void Text_SettingsChange_ShowsTheItemAndEachChangedSetting()
    {
        var output = Text(SettingsAndDestinations(), mask: false);

        output.ShouldContain("~ tacomail-config settings\n      bounce_policy: authenticated → never\n");
        output.ShouldContain("partner@fastmail.com");
    }

    [Fact]
    public void Text_Masked_HidesEveryDestination()
    {
        var output = Text(SettingsAndDestinations(), mask: true);

        output.ShouldNotContain("partner@fastmail.com");
        output.ShouldNotContain("me@gmail.com");
        output.ShouldContain("destination: m***@gmail.com → p***@fastmail.com");
        output.ShouldContain("+ p***@fastmail.com");
    }

    [Fact]
    public void Markdown_SettingsChange_IsInTheConfigurationBlock()
    {
        var output = MarkdownPlanRenderer.Render(SettingsAndDestinations(), MarkdownOptions.Default);

        output.ShouldContain("! update tacomail-config settings\n- bounce_policy: authenticated\n+ bounce_policy: never\n");
    }

    [Fact]
    public void Json_SettingsChange_HasBeforeAfterAndAttributes()
    {
        using var json = Json(SettingsAndDestinations(), mask: false);
        var settings = json.RootElement.GetProperty("settings_change");

        settings.GetProperty("action").GetString().ShouldBe("update");
        settings.GetProperty("item").GetString().ShouldBe("settings");
        settings.GetProperty("before").GetProperty("bounce_policy").GetString().ShouldBe("authenticated");
        settings.GetProperty("after").GetProperty("bounce_policy").GetString().ShouldBe("never");
        settings.GetProperty("after").GetProperty("feedback_address").GetString().ShouldBe("feedback@example.com");
        settings.GetProperty("after").GetProperty("subaddress_separators").EnumerateArray().Select(e => e.GetString()).ShouldBe(["+", "--", "#", "="]);
        settings.GetProperty("after").GetProperty("safety").GetProperty("max_delete_percent").GetDecimal().ShouldBe(30m);
        var attribute = settings.GetProperty("attributes").EnumerateArray().ShouldHaveSingleItem();
        attribute.GetProperty("name").GetString().ShouldBe("bounce_policy");
        json.RootElement.GetProperty("format_version").GetString().ShouldBe("1");
    }

    [Fact]
    public void Json_NoSettingsChange_IsNull()
    {
        using var json = Json(PlanFixtures.NoChanges(), mask: false);

        json.RootElement.GetProperty("settings_change").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Json_Masked_HidesEveryDestinationButKeepsTheDigests()
    {
        var plan = SettingsAndDestinations();

        var masked = Write(plan, mask: true);
        var plain = Write(plan, mask: false);

        masked.ShouldNotContain("partner@fastmail.com");
        masked.ShouldNotContain("me@gmail.com");
        masked.ShouldContain("p***@fastmail.com");
        plain.ShouldContain("partner@fastmail.com");
        using var json = JsonDocument.Parse(masked);
        json.RootElement.GetProperty("changes_digest").GetString().ShouldBe(plan.ChangesDigest);
        json.RootElement.GetProperty("basis").GetProperty("table").GetProperty("shop@example.com").GetString()
            .ShouldBe(plan.Basis.Table["shop@example.com"]);
    }

    [Fact]
    public void SavedPlan_HoldsNoDestinationAndStillMatchesThePlan()
    {
        var plan = SettingsAndDestinations();
        using var stream = new MemoryStream();

        SavedPlanFormat.Write(plan, stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        stream.Position = 0;
        var saved = SavedPlanFormat.Read(stream, "plan.json");

        text.ShouldNotContain("partner@fastmail.com");
        text.ShouldNotContain("me@gmail.com");
        saved.Basis.ShouldBe(plan.Basis, new BasisComparer());
        StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, plan).ShouldBeEmpty();
    }

    [Fact]
    public void Factory_MaskOption_MasksTextAndJsonToo()
    {
        var options = MarkdownOptions.Default with { MaskDestinations = true };

        foreach (var format in PlanRendererFactory.Formats)
        {
            var console = new TestConsole().Width(200);
            PlanRendererFactory.Create(format, options).Render(SettingsAndDestinations(), console);
            console.Output.ShouldNotContain("partner@fastmail.com", customMessage: format);
        }
    }

    private static string Text(Plan plan, bool mask)
    {
        var console = new TestConsole().Width(200);
        console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        new TextPlanRenderer(mask).Render(plan, console);
        return console.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Write(Plan plan, bool mask)
    {
        using var stream = new MemoryStream();
        JsonPlanRenderer.Write(plan, stream, mask);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonDocument Json(Plan plan, bool mask) => JsonDocument.Parse(Write(plan, mask));

    private sealed class BasisComparer : IEqualityComparer<PlanBasis>
    {
        public bool Equals(PlanBasis? x, PlanBasis? y) =>
            x is not null && y is not null && x.Table.SequenceEqual(y.Table) && x.Desired.SequenceEqual(y.Desired);

        public int GetHashCode(PlanBasis obj) => obj.Table.Count;
    }
}
