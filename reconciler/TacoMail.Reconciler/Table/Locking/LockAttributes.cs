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

    /// <summary>Unix seconds when the lease lapses unless renewed; after that anyone may take it over.</summary>
    public const string Expires = "expires";
}
