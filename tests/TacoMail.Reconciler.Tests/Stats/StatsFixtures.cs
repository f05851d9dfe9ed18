using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Stats;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Tests.Stats;

/// <summary>
/// Tables for the stats tests, read the way the reader reads them (<see cref="ActualState.FromScan"/>
/// over classified items), judged at <see cref="PlanTime.Now"/>.
/// </summary>
internal static class StatsFixtures
{
    public const string Gmail = "me@gmail.com";
    public const string Friend = "friend@example.org";
    public const string S3 = TableContract.S3Destination;

    public static DateTimeOffset Now => PlanTime.Now;

    /// <summary>
    /// Two domains, every state, known and unknown last uses, young and old aliases; plus what is
    /// not an alias: reserved and configuration items, an unreadable alias, an unreadable
    /// configuration item and an item with an unreadable key.
    /// </summary>
    /// <remarks>
    /// With <c>--unused-for 90d</c> the candidates are old (100 d), noisy (paused, 120 d),
    /// first.last and legacy (unknown, 400 d old) and forums (paused, unknown, 300 d old); not shop,
    /// bank, hello (recent), gone (disabled) or new (unknown but 10 d old).
    /// </remarks>
    public static ActualState Mixed() => Actual(
        new ScannedAliasItem(Record("shop@example.com", useCount: 42, lastUsed: Now.AddHours(-2))),
        new ScannedAliasItem(Record("bank@example.com", useCount: 12, lastUsed: Now.AddDays(-3).AddHours(-4))),
        new ScannedAliasItem(Record("old@example.com", destination: Friend, useCount: 1, lastUsed: Now.AddDays(-100))),
        new ScannedAliasItem(Record("first.last@example.com")),
        new ScannedAliasItem(Record("noisy@example.com", AliasState.Paused, useCount: 7, lastUsed: Now.AddDays(-120))),
        new ScannedAliasItem(Record("legacy@example.com", useCount: 5)),
        new ScannedAliasItem(Record("gone@example.com", AliasState.Disabled, useCount: 3, lastUsed: Now.AddDays(-200))),
        new ScannedAliasItem(Record("new@example.com", created: Now.AddDays(-10))),
        new ScannedAliasItem(Record("hello@mail.example.org", destination: S3, useCount: 3, lastUsed: Now.AddDays(-1))),
        new ScannedAliasItem(Record("forums@mail.example.org", AliasState.Paused, destination: Friend, created: Now.AddDays(-300))),
        new ScannedReservedItem(new ItemKey(TableContract.ReversePartition, "r#abcdefghijklmnopqrst")),
        new ScannedReservedItem(new ItemKey(TableContract.DeliveryPartition, "message#1")),
        new ScannedLockItem(new ItemKey(TableContract.ConfigPartition, TableContract.ConfigLockKey)),
        new ScannedConfigItem(new ConfigSetRecord(ConfigSetKind.SubDomains, ["example.com", "mail.example.org"])),
        new ScannedUnreadableItem(new ItemKey("example.com", "broken"), "item (example.com, broken): attribute 'destination' is missing"),
        new ScannedUnreadableItem(new ItemKey(TableContract.ConfigPartition, TableContract.ConfigDestinationsKey), "configValue is not a string set"),
        new ScannedUnreadableItem(null, "attribute 'sub_domain' is missing"));

    public static StatsReport Report(StatsQuery? query = null) => StatsReport.Build(Mixed(), query ?? StatsQuery.Default, Now);

    public static ActualState Actual(params ScannedItem[] items) => ActualState.FromScan(items);

    /// <summary>An alias item created 400 days before <see cref="Now"/> unless <paramref name="created"/> says otherwise.</summary>
    public static AliasRecord Record(
        string address,
        AliasState state = AliasState.Active,
        string destination = Gmail,
        long useCount = 0,
        DateTimeOffset? lastUsed = null,
        DateTimeOffset? created = null)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        var createdAt = (created ?? Now.AddDays(-400)).ToUnixTimeSeconds();
        return new AliasRecord(new ItemKey(address[(at + 1)..], address[..at]), destination, state, $"id-{address}", createdAt, createdAt, useCount)
        {
            LastUsedDatetime = lastUsed?.ToUnixTimeSeconds(),
        };
    }

    /// <summary>The listed addresses, domain by domain, in the report's order.</summary>
    public static List<string> Addresses(StatsReport report) =>
        [.. report.Domains.SelectMany(d => d.Aliases).Select(a => a.Address)];
}
