using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Tests.Rendering;

/// <summary>Plans built by the real planner from hand-made states, without YAML or DynamoDB.</summary>
internal static class PlanFixtures
{
    public const string Gmail = "me@gmail.com";
    public const string Friend = "friend@example.org";
    public const string S3 = "S3";

    /// <summary>
    /// A create in two domains, an update of destination and state (of an alias used 3 days ago), a
    /// rename (last use unknown), a delete (last used 100 days ago), two configuration changes, a
    /// tripped delete threshold and a skipped item. An untouched alias was used an hour ago.
    /// </summary>
    public static Plan Mixed()
    {
        var actual = Actual(
            [
                Record("bank@example.com", Gmail, AliasState.Active, 1, useCount: 12, lastUsed: PlanTime.Now.AddDays(-3)),
                Record("keep@example.com", Gmail, AliasState.Active, 2, useCount: 40, lastUsed: PlanTime.Now.AddHours(-1)),
                Record("old@example.com", Friend, AliasState.Active, 3, useCount: 1, lastUsed: PlanTime.Now.AddDays(-100)),
                Record("oldshop@example.com", Gmail, AliasState.Active, 4, useCount: 7),
            ],
            subDomains: ["example.com", "old.example"],
            destinations: [Gmail],
            unreadable: [new ScannedUnreadableItem(new ItemKey("example.com", "broken"), "item (example.com, broken): attribute 'destination' is missing")]);
        var desired = Desired(
            [
                Spec("bank@example.com", S3, AliasState.Paused),
                Spec("keep@example.com", Gmail),
                Spec("news@example.com", Gmail),
                Spec("shop@example.com", Gmail),
                Spec("hello@mail.example.org", S3),
            ],
            [new Rename(Key("oldshop@example.com"), Key("shop@example.com"))],
            subDomains: ["example.com", "mail.example.org"],
            destinations: [Gmail, S3]);
        return Planner.Plan(desired, actual, new SafetyThresholds(MinAliases: 1, MaxDeletePercent: 10, MaxDisablePercent: 30), PlanTime.Now);
    }

    /// <summary>A table that already matches the configuration.</summary>
    public static Plan NoChanges()
    {
        var actual = Actual([Record("keep@example.com", Gmail, AliasState.Active, 1)], ["example.com"], [Gmail], []);
        var desired = Desired([Spec("keep@example.com", Gmail)], [], ["example.com"], [Gmail]);
        return Planner.Plan(desired, actual, SafetyThresholds.Default, PlanTime.Now);
    }

    /// <summary><paramref name="count"/> creates spread evenly over <paramref name="domains"/> domains.</summary>
    public static Plan Creates(int count, int domains)
    {
        var specs = Enumerable.Range(0, count)
            .Select(i => Spec($"alias{i:D5}@d{i % domains:D5}.example", Gmail))
            .ToList();
        var names = specs.Select(s => s.Key.SubDomain).Distinct().ToList();
        return Planner.Plan(Desired(specs, [], names, [Gmail]), Actual([], names, [Gmail], []), SafetyThresholds.Default, PlanTime.Now);
    }

    /// <summary>
    /// <paramref name="count"/> deletes in one domain, of aliases with a long destination; the last
    /// <paramref name="recent"/> of them (in key order) were used a day before <see cref="PlanTime.Now"/>.
    /// </summary>
    public static Plan Deletes(int count, int recent)
    {
        var records = Enumerable.Range(0, count)
            .Select(i => Record(
                $"alias{i:D5}@example.com",
                $"someone.with.a.long.name{i:D5}@example.org",
                AliasState.Active,
                i,
                useCount: i,
                lastUsed: i >= count - recent ? PlanTime.Now.AddDays(-1) : null))
            .ToList();
        return Planner.Plan(
            Desired([], [], ["example.com"], [Gmail]),
            Actual(records, ["example.com"], [Gmail], []),
            SafetyThresholds.Default,
            PlanTime.Now);
    }

    /// <summary>
    /// <paramref name="plan"/> with its first configuration change given an action no renderer knows
    /// (alias changes are a closed set of types, so no alias change can have one).
    /// </summary>
    public static Plan WithUnknownAction(Plan plan) =>
        plan with { ConfigChanges = plan.ConfigChanges.SetItem(0, plan.ConfigChanges[0] with { Action = (ChangeAction)99 }) };

    public static ItemKey Key(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return new ItemKey(address[(at + 1)..], address[..at]);
    }

    public static AliasRecord Record(string address, string destination, AliasState state, int number, long useCount = 0, DateTimeOffset? lastUsed = null) =>
        new(Key(address), destination, state, $"00000000-0000-4000-8000-{number:D12}", 1_700_000_000 + number, 1_700_000_100 + number, useCount)
        {
            LastUsedDatetime = lastUsed?.ToUnixTimeSeconds(),
        };

    private static AliasSpec Spec(string address, string destination, AliasState state = AliasState.Active) =>
        new(Key(address), destination, state);

    private static ActualState Actual(
        IEnumerable<AliasRecord> records,
        IEnumerable<string> subDomains,
        IEnumerable<string> destinations,
        ImmutableArray<ScannedUnreadableItem> unreadable) =>
        new(
            records.ToImmutableSortedDictionary(r => r.Key, r => r),
            new Dictionary<ConfigSetKind, ConfigSetRecord>
            {
                [ConfigSetKind.SubDomains] = new(ConfigSetKind.SubDomains, subDomains),
                [ConfigSetKind.Destinations] = new(ConfigSetKind.Destinations, destinations),
            }.ToImmutableDictionary(),
            unreadable);

    private static DesiredState Desired(
        IEnumerable<AliasSpec> specs,
        ImmutableArray<Rename> renames,
        IEnumerable<string> subDomains,
        IEnumerable<string> destinations) =>
        new(
            specs.ToImmutableSortedDictionary(s => s.Key, s => s),
            renames,
            subDomains.ToImmutableSortedSet(StringComparer.Ordinal),
            destinations.ToImmutableSortedSet(StringComparer.Ordinal));
}
