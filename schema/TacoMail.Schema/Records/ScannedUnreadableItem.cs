namespace TacoMail.Schema.Records;

/// <summary>
/// An item that could not be decoded. Carries a reason a person can act on and, when the key
/// attributes themselves were readable, the key, so the planner can name or refuse to touch it.
/// </summary>
public sealed record ScannedUnreadableItem : ScannedItem
{
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or empty.</exception>
    public ScannedUnreadableItem(ItemKey? key, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Key = key;
        Reason = reason;
    }

    /// <summary>The item's key, or null when a key attribute is itself unreadable.</summary>
    public ItemKey? Key { get; }

    public string Reason { get; }
}
