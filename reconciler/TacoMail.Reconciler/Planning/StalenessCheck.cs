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

        var desired = Differences(saved.Desired, fresh.Basis.Desired);
        if (desired.Count > 0)
        {
            reasons.Add($"the YAML changed since the plan was made: {Describe(desired)}");
        }

        if (reasons.Count == 0 && !string.Equals(savedChangesDigest, fresh.ChangesDigest, StringComparison.Ordinal))
        {
            reasons.Add("planning again gives different changes from the same table and YAML (was the plan made by another tacomail version?)");
        }

        return reasons.ToImmutable();
    }

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
