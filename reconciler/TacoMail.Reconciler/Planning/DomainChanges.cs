using System.Collections.Immutable;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// The alias changes of one domain, in key order, with their totals: the unit every renderer lists
/// a plan by, so that none of them groups or counts on its own.
/// </summary>
internal sealed record DomainChanges
{
    /// <exception cref="ArgumentException">No change, a change of another domain, or changes not in strict key order.</exception>
    public DomainChanges(string domain, ImmutableArray<AliasChange> changes)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        if (changes.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"The domain {domain} is listed without changes.", nameof(changes));
        }

        for (var i = 0; i < changes.Length; i++)
        {
            if (!string.Equals(changes[i].Domain, domain, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The change of {changes[i].Key} is not in the domain {domain}.", nameof(changes));
            }

            if (i > 0 && changes[i - 1].Key.CompareTo(changes[i].Key) >= 0)
            {
                throw new ArgumentException($"The changes of {domain} are not in key order, or {changes[i].Key} changes twice.", nameof(changes));
            }
        }

        Domain = domain;
        Changes = changes;
        Totals = PlanSummary.Of(changes);
    }

    public string Domain { get; }

    public ImmutableArray<AliasChange> Changes { get; }

    /// <summary>How many of the domain's changes each action has.</summary>
    public PlanSummary Totals { get; }

    /// <summary>Sorts <paramref name="changes"/> by key and groups them by domain, in domain order.</summary>
    public static ImmutableArray<DomainChanges> Group(IEnumerable<AliasChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return [.. changes
            .OrderBy(c => c.Key)
            .GroupBy(c => c.Domain, StringComparer.Ordinal)
            .Select(g => new DomainChanges(g.Key, [.. g]))];
    }
}
