using System.Collections.Immutable;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// Compares a saved plan's basis with a fresh plan made just before applying it (Terraform's
/// stale-plan check). The fresh plan is what gets applied, so this only has to prove that it is the
/// plan that was reviewed: same table, same YAML, same changes.
/// </summary>
internal static class StalenessCheck
{
    private const int MaxListed = 10;

    /// <returns>Why the saved plan is stale, one reason per line; empty when it is still current.</returns>
    public static ImmutableArray<string> Compare(PlanBasis saved, string savedChangesDigest, Plan fresh)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(fresh);
        var reasons = ImmutableArray.CreateBuilder<string>();
        var table = Differences(saved.Table, fresh.Basis.Table);
        if (table.Count > 0)
        {
            reasons.Add($"the table changed since the plan was made: {Describe(table)}");
        }

        var desired = Differences(Declared(saved.Desired), Declared(fresh.Basis.Desired));
        if (desired.Count > 0)
        {
            reasons.Add($"the YAML changed since the plan was made: {Describe(desired)}");
        }

        var due = Differences(Due(saved.Desired), Due(fresh.Basis.Desired));
        if (due.Count > 0)
        {
            reasons.Add($"expiries fell due since the plan was made: {Describe(due)}");
        }

        if (reasons.Count == 0 && !string.Equals(savedChangesDigest, fresh.ChangesDigest, StringComparison.Ordinal))
        {
            reasons.Add("planning again gives different changes from the same table and YAML (was the plan made by another tacomail version?)");
        }

        return reasons.ToImmutable();
    }

    /// <summary>The digests of what the YAML declares, without those that time alone adds.</summary>
    private static ImmutableSortedDictionary<string, string> Declared(ImmutableSortedDictionary<string, string> desired) =>
        desired.RemoveRange(desired.Keys.Where(IsDue));

    /// <summary>The entries of the expiries due when the plan was made.</summary>
    private static ImmutableSortedDictionary<string, string> Due(ImmutableSortedDictionary<string, string> desired) =>
        desired.RemoveRange(desired.Keys.Where(key => !IsDue(key)));

    private static bool IsDue(string key) => key.StartsWith(StateDigest.DuePrefix, StringComparison.Ordinal);

    private static List<string> Differences(ImmutableSortedDictionary<string, string> before, ImmutableSortedDictionary<string, string> now)
    {
        var differences = new List<string>();
        foreach (var (name, digest) in before)
        {
            if (!now.TryGetValue(name, out var current))
            {
                differences.Add($"{name} removed");
            }
            else if (!string.Equals(digest, current, StringComparison.Ordinal))
            {
                differences.Add($"{name} modified");
            }
        }

        differences.AddRange(now.Keys.Where(name => !before.ContainsKey(name)).Select(name => $"{name} added"));
        return differences;
    }

    private static string Describe(List<string> differences) =>
        string.Join(", ", differences.Take(MaxListed))
        + (differences.Count > MaxListed ? $" and {differences.Count - MaxListed} more" : string.Empty);
}
