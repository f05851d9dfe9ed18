namespace TacoMail.Reconciler.Stats;

/// <summary>
/// Orders aliases by a <see cref="StatsSort"/>, optionally reversed, then by key, so that equal
/// counts or times always come out in the same order.
/// </summary>
internal sealed class AliasStatsComparer : IComparer<AliasStats>
{
    private readonly StatsSort _sort;
    private readonly bool _reverse;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sort"/> is undefined.</exception>
    public AliasStatsComparer(StatsSort sort, bool reverse)
    {
        if (!Enum.IsDefined(sort))
        {
            throw new ArgumentOutOfRangeException(nameof(sort), sort, "Undefined stats sort.");
        }

        _sort = sort;
        _reverse = reverse;
    }

    public int Compare(AliasStats? x, AliasStats? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var primary = _sort switch
        {
            StatsSort.LastUsed => Recency(y, x),
            StatsSort.Uses => y.UseCount.CompareTo(x.UseCount),
            _ => x.Key.CompareTo(y.Key),
        };
        if (primary != 0)
        {
            return _reverse ? -primary : primary;
        }

        return x.Key.CompareTo(y.Key);
    }

    /// <summary>Older first; an unknown last use is older than any known one.</summary>
    private static int Recency(AliasStats x, AliasStats y) => (x.LastUsed, y.LastUsed) switch
    {
        ({ } a, { } b) => a.CompareTo(b),
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
    };
}
