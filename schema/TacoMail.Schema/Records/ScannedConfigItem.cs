namespace TacoMail.Schema.Records;

/// <summary>A <c>sub_domains</c> or <c>destinations</c> item that decoded cleanly.</summary>
public sealed record ScannedConfigItem : ScannedItem
{
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public ScannedConfigItem(ConfigSetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Record = record;
    }

    public ConfigSetRecord Record { get; }
}
