namespace TacoMail.Reconciler.Stats;

/// <summary>
/// How <c>tacomail stats</c> orders the aliases within each domain. Each order puts what a reader
/// looks for first on top; <see cref="StatsQuery.Reverse"/> turns it around. Ties fall back to the
/// address, so the order is stable.
/// </summary>
internal enum StatsSort
{
    /// <summary>Most recently used first; an unknown last use counts as the oldest, so those come last.</summary>
    LastUsed,

    /// <summary>Most messages first.</summary>
    Uses,

    /// <summary>By address, in the table's key order (as plans list them).</summary>
    Address,
}
