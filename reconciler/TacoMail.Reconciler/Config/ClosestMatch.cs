namespace TacoMail.Reconciler.Config;

/// <summary>
/// Finds the likely intended value for a typo ("did you mean …?"), by edit distance with
/// transpositions, so that <c>gmial</c> finds <c>gmail</c>.
/// </summary>
internal static class ClosestMatch
{
    /// <summary>The closest candidate within a small distance, or null.</summary>
    public static string? Find(string value, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(candidates);
        var limit = Math.Max(2, value.Length / 4);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, value, StringComparison.Ordinal))
            {
                continue;
            }

            var distance = string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(value, candidate);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" (did you mean 'x'?)" or an empty string.</summary>
    public static string Hint(string value, IEnumerable<string> candidates) =>
        Find(value, candidates) is { } match ? $" (did you mean '{match}'?)" : string.Empty;

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions, transpositions.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
