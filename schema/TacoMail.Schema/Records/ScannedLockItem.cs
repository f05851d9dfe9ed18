namespace TacoMail.Schema.Records;

/// <summary>
/// The reconciler's lock item (<c>tacomail-config</c>, <c>lock</c>). Its attributes belong to
/// the lock and are left opaque here: the planner must neither diff nor delete it.
/// </summary>
public sealed record ScannedLockItem(ItemKey Key) : ScannedItem;
