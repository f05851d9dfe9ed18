using System.Collections.Immutable;
using Spectre.Console;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;
using TacoMail.Schema.Model;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Planning.States;
using static TacoMail.Reconciler.Tests.Rendering.RenderedPlan;

namespace TacoMail.Reconciler.Tests.Rendering;

/// <summary>How each renderer shows the expiries a plan carries out and those to come, and each scope's words.</summary>
public sealed class ExpiryRenderingTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 31, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Text_DueExpiry_NotesItUnderTheChange()
    {
        var output = Text(PlanWithExpiries());

        output.ShouldContain("  ~ due@example.com\n      state: active → disabled\n      usage: 3 messages, last used unknown\n      expired 2027-03-31\n");
    }

    [Fact]
    public void Text_ComingExpiries_ListedSoonestFirstBeforeTheSummary()
    {
        var output = Text(PlanWithExpiries());

        output.ShouldEndWith(
            "2 aliases expire in the next 14 days:\n"
            + "  - soon@example.com becomes paused on 2027-04-02T18:00:00+02:00\n"
            + "  - later@example.com becomes disabled on 2027-04-10\n\n"
            + "Plan: 0 to create, 1 to update, 0 to rename, 0 to delete.\n");
    }

    [Fact]
    public void Text_NoChangesButExpiriesComing_ListsThem()
    {
        var desired = Yaml() with { Expiries = Yaml().Expiries.Remove(Key("due@example.com")) };
        var plan = Planner.Plan(desired, Actual([Record("due@example.com"), Record("soon@example.com"), Record("later@example.com")], desired), SafetyThresholds.Default, Now);

        Text(plan).ShouldEndWith("2027-04-10\n\nNo changes. The table matches the configuration.\n");
    }

    [Fact]
    public void Json_DueExpiryOnTheChange_AndComingExpiriesAtTheTop()
    {
        using var json = Json(PlanWithExpiries());
        var root = json.RootElement;

        var change = root.GetProperty("changes").EnumerateArray().Single();
        var expired = change.GetProperty("expired");
        expired.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}")
            .ShouldBe(["address=due@example.com", "at=2027-03-31T00:00:00+00:00", "then=disabled"]);
        root.GetProperty("summary").GetProperty("expired").GetInt32().ShouldBe(1);
        root.GetProperty("expiring").EnumerateArray()
            .Select(e => $"{e.GetProperty("address").GetString()} {e.GetProperty("at").GetString()} {e.GetProperty("then").GetString()}")
            .ShouldBe(["soon@example.com 2027-04-02T18:00:00+02:00 paused", "later@example.com 2027-04-10T00:00:00+00:00 disabled"]);
        root.GetProperty("scope").GetString().ShouldBe("all");
    }

    [Fact]
    public void Json_ChangeWithoutExpiry_HasNoExpiredMember()
    {
        var desired = Desired([Spec("shop@example.com", state: AliasState.Paused)]);
        using var json = Json(Planner.Plan(desired, Actual([Record("shop@example.com")], desired), SafetyThresholds.Default, Now));

        json.RootElement.GetProperty("changes").EnumerateArray().Single().TryGetProperty("expired", out _).ShouldBeFalse();
        json.RootElement.GetProperty("expiring").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Markdown_ComingExpiries_ANoteBeforeTheChanges_AndTheDueOneOnItsEntry()
    {
        var output = MarkdownPlanRenderer.Render(PlanWithExpiries(), MarkdownOptions.Default);

        var note = output.IndexOf(
            "> [!NOTE]\n> **2 aliases expire in the next 14 days:**\n"
            + "> - soon\\@example.com becomes paused on 2027-04-02T18:00:00+02:00\n"
            + "> - later\\@example.com becomes disabled on 2027-04-10\n\n",
            StringComparison.Ordinal);
        note.ShouldBeGreaterThan(0);
        note.ShouldBeLessThan(output.IndexOf("### Aliases", StringComparison.Ordinal));
        output.ShouldContain("     expired 2027-03-31\n");
    }

    [Fact]
    public void Markdown_ManyComingExpiries_StaysWithinMaxLengthAndCountsTheRest()
    {
        var specs = Enumerable.Range(0, 3_000).Select(i => Spec($"alias{i:D5}@example.com")).ToList();
        var desired = Desired(specs) with
        {
            Expiries = specs.ToImmutableSortedDictionary(s => s.Key, s => new ScheduledExpiry(s.Key, Now.AddDays(2), AliasState.Disabled)),
        };
        var plan = Planner.Plan(desired, Actual(specs.Select(s => Record(s.Key.FullAddress)), desired), SafetyThresholds.Default, Now);
        var options = new MarkdownOptions { MaxLength = 6_000 };

        var output = MarkdownPlanRenderer.Render(plan, options);

        output.Length.ShouldBeLessThan(options.MaxLength);
        output.ShouldContain("> **3,000 aliases expire in the next 14 days:**\n> - alias00000\\@example.com becomes disabled");
        output.ShouldMatch(@"> - _…and 2,9[0-9]{2} more not shown\._\n$");
    }

    [Theory]
    [InlineData("All", "## TacoMail plan\n\nNo changes. The table matches the configuration.")]
    [InlineData("DueExpiries", "## TacoMail expiries\n\nNo changes. No expiry is due")]
    [InlineData("Drift", "## TacoMail drift\n\nNo drift.")]
    public void Markdown_EachScope_HasItsTitleAndNoChangesSentence(string scopeName, string start)
    {
        var scope = Enum.Parse<PlanScope>(scopeName);
        var desired = Desired([Spec("shop@example.com")]);
        var plan = Planner.Plan(desired, Actual([Record("shop@example.com")], desired), SafetyThresholds.Default, Now, scope);

        MarkdownPlanRenderer.Render(plan, MarkdownOptions.Default).ShouldStartWith(start);
    }

    [Fact]
    public void Json_DriftScope_IsNamed()
    {
        var desired = Desired([Spec("shop@example.com")]);
        using var json = Json(Planner.Plan(desired, Actual([Record("shop@example.com")], desired), SafetyThresholds.Default, Now, PlanScope.Drift));

        json.RootElement.GetProperty("scope").GetString().ShouldBe("drift");
    }

    private static DesiredState Yaml() =>
        Desired([Spec("due@example.com"), Spec("soon@example.com"), Spec("later@example.com")]) with
        {
            Expiries = ImmutableSortedDictionary.CreateRange(new[]
            {
                Expiry("due@example.com", new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero), AliasState.Disabled),
                Expiry("soon@example.com", new DateTimeOffset(2027, 4, 2, 18, 0, 0, TimeSpan.FromHours(2)), AliasState.Paused),
                Expiry("later@example.com", new DateTimeOffset(2027, 4, 10, 0, 0, 0, TimeSpan.Zero), AliasState.Disabled),
            }.Select(e => KeyValuePair.Create(e.Key, e))),
        };

    private static ScheduledExpiry Expiry(string address, DateTimeOffset at, AliasState then) => new(Key(address), at, then);

    private static Plan PlanWithExpiries()
    {
        var desired = Yaml();
        return Planner.Plan(desired, Actual([Record("due@example.com"), Record("soon@example.com"), Record("later@example.com")], desired), SafetyThresholds.Default, Now);
    }
}
