namespace TacoMail.Reconciler.Stats;

/// <summary>
/// What <c>tacomail stats</c> was asked to show: which aliases and in which order. The report
/// carries it along, so that every format can say what it lists.
/// </summary>
/// <param name="Sort">The order within each domain.</param>
/// <param name="Reverse">Turn <paramref name="Sort"/> around (ties still go by address).</param>
/// <param name="UnusedFor">List only the candidates to disable after this long without mail (<see cref="AliasStats.IsUnusedFor"/>); null lists every alias.</param>
/// <param name="Domain">List only this domain and its subdomains, in the table's ASCII form; null lists every domain.</param>
internal sealed record StatsQuery(StatsSort Sort = StatsSort.LastUsed, bool Reverse = false, TimeSpan? UnusedFor = null, string? Domain = null)
{
    public static StatsQuery Default { get; } = new();

    /// <summary>Whether the partition <paramref name="subDomain"/> is <see cref="Domain"/> or one of its subdomains.</summary>
    public bool InDomain(string subDomain)
    {
        ArgumentNullException.ThrowIfNull(subDomain);
        return Domain is not { } domain
            || string.Equals(subDomain, domain, StringComparison.Ordinal)
            || (subDomain.Length > domain.Length + 1
                && subDomain.EndsWith(domain, StringComparison.Ordinal)
                && subDomain[subDomain.Length - domain.Length - 1] == '.');
    }

    /// <summary>Whether the report lists <paramref name="alias"/>.</summary>
    public bool Lists(AliasStats alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return InDomain(alias.Domain) && (UnusedFor is not { } duration || alias.IsUnusedFor(duration));
    }
}
