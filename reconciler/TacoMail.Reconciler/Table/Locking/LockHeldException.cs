namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// Another run holds the table's lock. The message names the holder, where and since when, and
/// says how to proceed: wait (<c>--lock-timeout</c>), or force-unlock a run that is dead.
/// </summary>
internal sealed class LockHeldException : TacoMailException
{
    public LockHeldException(string tableName, LockInfo current, TimeSpan waited)
        : base(Describe(tableName, current, waited))
    {
        Current = current;
    }

    /// <summary>The lease that is held.</summary>
    public LockInfo Current { get; }

    private static string Describe(string tableName, LockInfo current, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(current);
        var still = waited > TimeSpan.Zero ? $", still after waiting {waited.TotalSeconds:0.###} s" : string.Empty;
        return $"Table '{tableName}' is locked by {current.Describe()} (lock id {current.LockId}, lease until "
            + $"{LockInfo.Iso(current.Expires)}){still}. Wait (see --lock-timeout), or run "
            + $"'tacomail force-unlock {current.LockId}' if that run is dead.";
    }
}
