using System.Globalization;
using TacoMail.Reconciler.Durations;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Addresses;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// The words every stats format shares — times, ages, counts, the summary sentence — so text,
/// markdown and JSON never tell the same report differently. Times and "unknown" are the plan's
/// (<see cref="PlanWords"/>), ages the queue's (<see cref="DurationText"/>).
/// </summary>
internal static class StatsWords
{
    /// <summary><c>unknown</c>: the last use of an alias whose item records none.</summary>
    public const string Unknown = PlanWords.UnknownLastUse;

    /// <summary><c>2026-11-28T12:00:00Z</c> (ISO 8601, UTC, whole seconds, as in plans), or null.</summary>
    public static string? Time(DateTimeOffset? time) => PlanWords.LastUsed(time);

    /// <summary><see cref="Time"/>, or <see cref="Unknown"/>.</summary>
    public static string LastUsed(DateTimeOffset? lastUsed) => Time(lastUsed) ?? Unknown;

    /// <summary><c>12 d 3 h</c> since the last use, or empty when the last use is unknown (the last-used column says so).</summary>
    public static string UnusedFor(TimeSpan? unusedFor) => unusedFor is { } span ? DurationText.Age(span) : string.Empty;

    /// <summary>The destination, or its masked form (<c>m***@gmail.com</c>; <c>S3</c> stays).</summary>
    public static string Destination(string destination, bool mask) => mask ? AddressMask.Mask(destination) : destination;

    /// <summary><c>90d</c>: the <c>--unused-for</c> duration as it was written.</summary>
    public static string Duration(TimeSpan duration) => DurationText.ToYaml(duration);

    /// <summary><c>12,345</c>.</summary>
    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><c>1 alias</c>, <c>12 aliases</c>.</summary>
    public static string Count(long value, string singular, string plural) => $"{Number(value)} {(value == 1 ? singular : plural)}";

    /// <summary><c>example.com (3 aliases)</c>: a domain's heading.</summary>
    public static string DomainHeading(DomainStats domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return $"{domain.Domain} ({Count(domain.Aliases.Length, "alias", "aliases")})";
    }

    /// <summary><c>3 aliases, 12 uses, last used 2026-11-28T12:00:00Z</c>: a domain's totals.</summary>
    public static string DomainTotals(DomainStats domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return $"{Count(domain.Aliases.Length, "alias", "aliases")}, {Count(domain.UseCount, "use", "uses")}, last used {LastUsed(domain.LastUsed)}";
    }

    /// <summary>
    /// The closing sentence: <c>8 aliases in 2 domains, 17 uses, last used …</c>; with
    /// <c>--unused-for</c>, how many of the aliases read are candidates to disable.
    /// </summary>
    public static string Summary(StatsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var scope = report.Query.Domain is { } domain ? $" under {domain}" : string.Empty;
        if (report.Query.UnusedFor is { } duration)
        {
            return report.AliasCount == 0
                ? $"No active or paused alias{scope} has gone {Duration(duration)} without mail ({Count(report.AliasesRead, "alias", "aliases")} read)."
                : $"{Number(report.AliasCount)} of {Count(report.AliasesRead, "alias", "aliases")}{scope} had no mail for {Duration(duration)} or longer: " +
                  "candidates to disable (active and paused ones only; a disabled alias bounces already).";
        }

        return report.AliasCount == 0
            ? $"No aliases in the table{scope}."
            : $"{Count(report.AliasCount, "alias", "aliases")} in {Count(report.Domains.Length, "domain", "domains")}{scope}, " +
              $"{Count(report.UseCount, "use", "uses")}, last used {LastUsed(report.LastUsed)}.";
    }

    /// <summary>What an unknown last use means, and how <c>--unused-for</c> treats it; empty when no listed alias has one.</summary>
    public static string UnknownNote(StatsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.HasUnknownLastUse)
        {
            return string.Empty;
        }

        var note = $"{Unknown}: the item records no last use (no mail since the delivery began recording it, or an item from before that).";
        return report.Query.UnusedFor is { } duration
            ? $"{note} Such an alias is listed once it has existed for {Duration(duration)}."
            : note;
    }

    /// <summary><c>sorted by last use, most recent first</c>.</summary>
    public static string Order(StatsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (by, normal, reversed) = query.Sort switch
        {
            StatsSort.LastUsed => ("last use", "most recent first", "oldest first"),
            StatsSort.Uses => ("uses", "most first", "fewest first"),
            StatsSort.Address => ("address", "A to Z", "Z to A"),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Undefined stats sort."),
        };
        return $"sorted by {by}, {(query.Reverse ? reversed : normal)}";
    }
}
