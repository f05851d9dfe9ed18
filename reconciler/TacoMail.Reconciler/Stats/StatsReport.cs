using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// What <c>tacomail stats</c> shows: the aliases the table holds, with their use, grouped by
/// domain (in key order) and ordered within each by the query, with totals. It is built from the
/// same read as a plan (<see cref="ActualState"/>), so TacoMail's reserved partitions are never
/// counted as aliases; it reports what the table holds, whatever the YAML declares. The model
/// never formats: each format has its renderer.
/// </summary>
/// <param name="At">When the table was read: the "now" of every age.</param>
/// <param name="Query">What was asked for.</param>
/// <param name="Domains">The domains with at least one listed alias.</param>
/// <param name="AliasesRead">The alias items read within <see cref="StatsQuery.Domain"/>, listed or not.</param>
/// <param name="Skipped">Items that could not be read, outside the reserved partitions and within <see cref="StatsQuery.Domain"/>: not counted.</param>
internal sealed record StatsReport(
    DateTimeOffset At,
    StatsQuery Query,
    ImmutableArray<DomainStats> Domains,
    int AliasesRead,
    ImmutableArray<ScannedUnreadableItem> Skipped)
{
    /// <summary>The listed aliases.</summary>
    public int AliasCount => Domains.Sum(d => d.Aliases.Length);

    /// <summary>Messages received by the listed aliases.</summary>
    public long UseCount => Domains.Sum(d => d.UseCount);

    /// <summary>The latest last use among the listed aliases; null when none is known.</summary>
    public DateTimeOffset? LastUsed => Domains.Max(d => d.LastUsed);

    /// <summary>Whether a listed alias has an unknown last use, which the renderers then explain.</summary>
    public bool HasUnknownLastUse => Domains.Any(d => d.Aliases.Any(a => a.LastUsed is null));

    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static StatsReport Build(ActualState actual, StatsQuery query, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(query);
        var read = actual.Aliases.Values
            .Where(r => query.InDomain(r.SubDomain))
            .Select(r => AliasStats.Of(r, at))
            .ToList();
        var order = new AliasStatsComparer(query.Sort, query.Reverse);
        var domains = read
            .Where(query.Lists)
            .GroupBy(a => a.Domain, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DomainStats(g.Key, [.. g.Order(order)]))
            .ToImmutableArray();
        var skipped = actual.Unreadable
            .Where(u => u.Key is not { } key || (!TableContract.IsReservedPartition(key.SubDomain) && query.InDomain(key.SubDomain)))
            .ToImmutableArray();
        return new StatsReport(at, query, domains, read.Count, skipped);
    }
}
