namespace TacoMail.Schema.Records;

/// <summary>An alias item that decoded cleanly (perhaps with <see cref="LegacyTraits"/>).</summary>
public sealed record ScannedAliasItem : ScannedItem
{
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public ScannedAliasItem(AliasRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Record = record;
    }

    public AliasRecord Record { get; }
}
