using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Records;

/// <summary>
/// Sorts any item from a table scan into what it is (<see cref="ScannedItem"/>), so the reader
/// needs no knowledge of the reserved partition and a bad item is reported, never thrown.
/// </summary>
public static class TableItemClassifier
{
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static ScannedItem Classify(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);

        var reader = new ItemReader(item);
        if (reader.ReadKey() is not { } key)
        {
            return new ScannedUnreadableItem(null, reader.Reason);
        }

        if (key.SubDomain is TableContract.DeliveryPartition or TableContract.ReversePartition)
        {
            return new ScannedReservedItem(key);
        }

        if (key.SubDomain != TableContract.ConfigPartition)
        {
            var alias = AliasItemCodec.Decode(item);
            return alias.IsSuccess ? new ScannedAliasItem(alias.Record) : new ScannedUnreadableItem(key, alias.Reason);
        }

        if (key.LocalPart == TableContract.ConfigLockKey)
        {
            return new ScannedLockItem(key);
        }

        if (key.LocalPart == TableContract.ConfigSettingsKey)
        {
            var settings = SettingsItemCodec.Decode(item);
            return settings.IsSuccess ? new ScannedSettingsItem(settings.Record) : new ScannedUnreadableItem(key, settings.Reason);
        }

        if (!ConfigItemCodec.TryGetKind(key.LocalPart, out _))
        {
            return new ScannedUnknownConfigItem(key);
        }

        var config = ConfigItemCodec.Decode(item);
        return config.IsSuccess ? new ScannedConfigItem(config.Record) : new ScannedUnreadableItem(key, config.Reason);
    }
}
