using System.Globalization;
using TacoMail.Schema.Replies;

namespace TacoMail.Reconciler.Replies;

/// <summary>
/// What <c>tacomail contact ALIAS --list</c> shows, in the order both renderers use: the most
/// recently used first, then those never used, each group newest first (then by address, so
/// the order is stable). Correspondents are shown in full: the owner asked for them.
/// </summary>
internal sealed record ReverseAliasListing(string Alias, IReadOnlyList<ReverseAliasRecord> ReverseAliases)
{
    public const string Never = "never";

    public static ReverseAliasListing Of(string alias, IEnumerable<ReverseAliasRecord> records)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        ArgumentNullException.ThrowIfNull(records);
        return new ReverseAliasListing(
            alias,
            [.. records
                .OrderByDescending(r => r.LastUsedDatetime ?? long.MinValue)
                .ThenByDescending(r => r.CreatedDatetime)
                .ThenBy(r => r.Address.Address, StringComparer.Ordinal)]);
    }

    /// <summary>Unix seconds as <c>2026-11-29 12:00 UTC</c>, or <see cref="Never"/>.</summary>
    public static string Time(long? unixSeconds) => unixSeconds is { } seconds
        ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
        : Never;

    /// <summary>Unix seconds as ISO 8601 UTC, for JSON.</summary>
    public static string IsoTime(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
