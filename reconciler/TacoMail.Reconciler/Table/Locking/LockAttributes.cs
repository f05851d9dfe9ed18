namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// The attributes of the lock item (<c>tacomail-config</c>, <c>lock</c>). They belong to the lock
/// alone — the planner and the Lambda never read them — so they are named here, beside it.
/// </summary>
internal static class LockAttributes
{
    public const string LockId = "lock_id";
    public const string Owner = "owner";
    public const string Host = "host";
    public const string ProcessId = "pid";

    /// <summary>Unix seconds when the lease was first taken.</summary>
    public const string Started = "started";

    /// <summary>
    /// Unix seconds, by the holder's clock, when the lease lapses unless renewed. Another machine
    /// compares it with its own clock only with <see cref="LockOptions.ClockSkewAllowance"/> added.
    /// </summary>
    public const string Expires = "expires";

    /// <summary>
    /// Changes with every renewal attempt (0 when taken). A waiting run takes over only a lease
    /// whose version it has seen stay the same for a whole lease duration on its own clock.
    /// </summary>
    public const string Version = "version";
}
