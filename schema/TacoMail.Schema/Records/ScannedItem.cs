namespace TacoMail.Schema.Records;

/// <summary>
/// What <see cref="TableItemClassifier"/> found in one scanned item. The table is owned by
/// TacoMail alone, so every item is accounted for: an alias, a configuration set, the lock, an
/// unknown item in the reserved partition, or an unreadable item with its reason. Match on the
/// derived types.
/// </summary>
public abstract record ScannedItem
{
    private protected ScannedItem()
    {
    }
}
