using System.Collections.Immutable;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// The listed aliases of one domain (one <c>sub_domain</c> partition), in the report's order, with
/// their totals: the unit every stats renderer lists by, so that none of them groups or counts on its own.
/// </summary>
internal sealed record DomainStats
{
    /// <exception cref="ArgumentException">No alias, or an alias of another domain.</exception>
    public DomainStats(string domain, ImmutableArray<AliasStats> aliases)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        if (aliases.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"The domain {domain} is listed without aliases.", nameof(aliases));
        }

        if (aliases.FirstOrDefault(a => !string.Equals(a.Domain, domain, StringComparison.Ordinal)) is { } stranger)
        {
            throw new ArgumentException($"The alias {stranger.Address} is not in the domain {domain}.", nameof(aliases));
        }

        Domain = domain;
        Aliases = aliases;
        UseCount = aliases.Sum(a => a.UseCount);
        LastUsed = aliases.Max(a => a.LastUsed);
    }

    /// <summary>The partition key, in its ASCII form as stored.</summary>
    public string Domain { get; }

    public ImmutableArray<AliasStats> Aliases { get; }

    /// <summary>Messages received by the listed aliases.</summary>
    public long UseCount { get; }

    /// <summary>The latest last use among the listed aliases; null when none is known.</summary>
    public DateTimeOffset? LastUsed { get; }

    /// <summary>How long since <see cref="LastUsed"/>; null when none is known.</summary>
    public TimeSpan? UnusedFor => Aliases.Min(a => a.UnusedFor);
}
