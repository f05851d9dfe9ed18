using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Config.Validation;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Reconciler.Durations;
using TacoMail.Reconciler.Export;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Rendering.RenderedPlan;

namespace TacoMail.Reconciler.Tests.Config;

/// <summary><c>queue_lifetime</c>: read from tacomail.yaml, range-checked (TM049), planned, rendered and exported.</summary>
public sealed class QueueLifetimeTests
{
    private static readonly DeclaredSettings Stored = new(
        new RoutingSettings("mailer-daemon@example.com", "mailer-daemon@example.com", SubAddressSeparators.Default, MessagePolicy.Default),
        SafetyThresholds.Default);

    [Fact]
    public async Task LoadAsync_NoQueueLifetime_IsFiveDays()
    {
        using var config = new TempConfig().WithMain();

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        result.Config!.Routing.QueueLifetime.ShouldBe(TimeSpan.FromDays(5));
    }

    [Theory]
    [InlineData("5d", 5 * 24 * 60)]
    [InlineData("36h", 36 * 60)]
    [InlineData("90m", 90)]
    [InlineData("1h", 60)]
    [InlineData("60m", 60)]
    [InlineData("100d", 100 * 24 * 60)]
    public async Task LoadAsync_QueueLifetimeInRange_FlowsIntoTheRoutingSettings(string written, int minutes)
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\nqueue_lifetime: " + written);

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        result.Config!.Routing.QueueLifetime.ShouldBe(TimeSpan.FromMinutes(minutes));
        result.Config.Settings.Routing.QueueLifetime.ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("59m", "shorter than the minimum of 1h")]
    [InlineData("0d", "shorter than the minimum of 1h")]
    [InlineData("101d", "longer than the maximum of 100d")]
    [InlineData("2401h", "longer than the maximum of 100d")]
    [InlineData("99999999999999999999999d", "longer than the maximum of 100d")]
    public async Task LoadAsync_QueueLifetimeOutOfRange_IsTM049AtTheValue(string written, string problem)
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\nqueue_lifetime: " + written);

        var result = await config.LoadAsync();

        result.Config.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Line, diagnostic.Column).ShouldBe((DiagnosticCodes.QueueLifetimeOutOfRange, 4, 17));
        diagnostic.Message.ShouldStartWith($"queue_lifetime '{written}' is {problem}");
        diagnostic.Message.ShouldEndWith("use 1h to 100d (default 5d)");
    }

    [Theory]
    [InlineData("5 days")]
    [InlineData("1.5d")]
    [InlineData("3600s")]
    [InlineData("5D")]
    [InlineData("d")]
    [InlineData("\"\"")]
    public async Task LoadAsync_QueueLifetimeNotInTheYamlForm_IsReportedOnceBySchemaWithTheExamples(string written)
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\nqueue_lifetime: " + written);

        var result = await config.LoadAsync();

        result.Config.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Line, diagnostic.Column).ShouldBe((DiagnosticCodes.ConstraintViolated, 4, 17));
        diagnostic.Message.ShouldContain("such as 5d, 36h or 90m, from 1h to 100d");
    }

    [Fact]
    public async Task LoadAsync_QueueLifetimeAsANumber_IsAWrongType()
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\nqueue_lifetime: 5");

        var diagnostic = (await config.LoadAsync()).Diagnostics.ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe(DiagnosticCodes.WrongType);
    }

    [Fact]
    public void Schema_QueueLifetimePatternAndDefault_MatchTheParserAndTheModel()
    {
        var property = ReadSchema().SelectToken("definitions.mainFile.properties.queue_lifetime")!;

        property["pattern"]!.Value<string>().ShouldBe(DurationParser.YamlPattern);
        property["default"]!.Value<string>().ShouldBe(DurationText.ToYaml(RoutingSettings.DefaultQueueLifetime));
        property["description"]!.Value<string>()!.ShouldContain("5d, 36h or 90m");
    }

    [Fact]
    public void Plan_QueueLifetimeChanged_IsOneSettingsAttributeInTextMarkdownAndJson()
    {
        var plan = PlanFromStored(Stored, TimeSpan.FromHours(36));

        var change = plan.Settings.ShouldNotBeNull();
        change.Attributes.ShouldBe([new AttributeChange("queue_lifetime", "5d", "36h")]);
        Text(plan).ShouldContain("~ tacomail-config settings\n      queue_lifetime: 5d → 36h\n");
        MarkdownPlanRenderer.Render(plan, MarkdownOptions.Default).ShouldContain("- queue_lifetime: 5d\n+ queue_lifetime: 36h\n");
        using var json = Json(plan);
        var settings = json.RootElement.GetProperty("settings_change");
        settings.GetProperty("before").GetProperty("queue_lifetime").GetString().ShouldBe("5d");
        settings.GetProperty("after").GetProperty("queue_lifetime").GetString().ShouldBe("36h");
        settings.GetProperty("attributes").EnumerateArray().ShouldHaveSingleItem().GetProperty("name").GetString().ShouldBe("queue_lifetime");
    }

    [Fact]
    public void Plan_SameQueueLifetime_HasNoSettingsChange()
    {
        var stored = Stored with { Routing = Stored.Routing with { QueueLifetime = TimeSpan.FromMinutes(90) } };

        var plan = PlanFromStored(stored, TimeSpan.FromMinutes(90));

        plan.Settings.ShouldBeNull();
    }

    [Theory]
    [InlineData(36 * 60, "queue_lifetime: 36h")]
    [InlineData(90, "queue_lifetime: 90m")]
    [InlineData(2 * 24 * 60, "queue_lifetime: 2d")]
    public async Task Export_QueueLifetimeNotTheDefault_IsWrittenAndReadsBackTheSame(int minutes, string line)
    {
        var lifetime = TimeSpan.FromMinutes(minutes);
        var settings = Stored with { Routing = Stored.Routing with { QueueLifetime = lifetime } };

        var main = ExportMain(settings);

        main.Split('\n').ShouldContain(line);
        using var config = new TempConfig().WithMain(main);
        var loaded = await config.LoadAsync();
        loaded.Diagnostics.ShouldBeEmpty();
        loaded.Config!.Routing.QueueLifetime.ShouldBe(lifetime);
    }

    [Fact]
    public void Export_DefaultQueueLifetime_IsLeftOut()
    {
        ExportMain(Stored).ShouldNotContain("queue_lifetime");
    }

    private static string ExportMain(DeclaredSettings settings)
    {
        var actual = ActualState.FromScan([new ScannedSettingsItem(settings)]) with
        {
            ConfigSets = ImmutableDictionary<ConfigSetKind, ConfigSetRecord>.Empty
                .Add(ConfigSetKind.SubDomains, new ConfigSetRecord(ConfigSetKind.SubDomains, ["example.com"]))
                .Add(ConfigSetKind.Destinations, new ConfigSetRecord(ConfigSetKind.Destinations, ["me@example.net"])),
        };
        return ConfigExporter.Export(actual, "tacomail", "us-east-1").Files.Single(f => f.FileName == "tacomail.yaml").Content;
    }

    private static Plan PlanFromStored(DeclaredSettings stored, TimeSpan wanted)
    {
        var actual = ActualState.FromScan([new ScannedSettingsItem(stored)]);
        var desired = new DesiredState(
            ImmutableSortedDictionary<ItemKey, AliasSpec>.Empty,
            [],
            [],
            [],
            stored with { Routing = stored.Routing with { QueueLifetime = wanted } });
        return Planner.Plan(desired, actual, SafetyThresholds.Default, PlanTime.Now);
    }

    private static JObject ReadSchema()
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream(ConfigSchema.ResourceName)!;
        using var reader = new StreamReader(stream);
        return JObject.Parse(reader.ReadToEnd());
    }
}
