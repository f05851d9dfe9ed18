using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Records;

/// <summary>
/// Converts between <see cref="ConfigSetRecord"/> and the reserved items <c>sub_domains</c> and
/// <c>destinations</c>. Writes <c>configValue</c> as a String Set, omitted when empty because
/// DynamoDB has no empty set; reads the legacy <c>configValues</c> and list-shaped values too.
/// </summary>
public static class ConfigItemCodec
{
    /// <summary>The full, canonical item for <paramref name="record"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static Dictionary<string, AttributeValue> Encode(ConfigSetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        var item = ItemKeyCodec.Encode(record.Key);
        if (!record.Values.IsEmpty)
        {
            item[TableContract.ConfigValue] = new AttributeValue { SS = [.. record.Values] };
        }

        return item;
    }

    /// <summary>The record held by <paramref name="item"/>, or a reason naming the item's keys.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static DecodeResult<ConfigSetRecord> Decode(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);

        var reader = new ItemReader(item);
        var key = reader.ReadKey();
        if (key is null)
        {
            return DecodeResult<ConfigSetRecord>.Failure(reader.Reason);
        }

        if (key.Value.SubDomain != TableContract.ConfigPartition || !TryGetKind(key.Value.LocalPart, out var kind))
        {
            reader.Problem(
                $"is not a configuration set item (partition '{TableContract.ConfigPartition}', "
                + $"sort key '{TableContract.ConfigSubDomainsKey}' or '{TableContract.ConfigDestinationsKey}')");
            return DecodeResult<ConfigSetRecord>.Failure(reader.Reason);
        }

        var values = ReadValues(reader);
        return values is null
            ? DecodeResult<ConfigSetRecord>.Failure(reader.Reason)
            : DecodeResult<ConfigSetRecord>.Success(new ConfigSetRecord(kind, values) { LegacyTraits = reader.Traits });
    }

    /// <summary>The kind whose sort key is <paramref name="sortKey"/>, if any.</summary>
    internal static bool TryGetKind(string sortKey, out ConfigSetKind kind)
    {
        (var found, kind) = sortKey switch
        {
            TableContract.ConfigSubDomainsKey => (true, ConfigSetKind.SubDomains),
            TableContract.ConfigDestinationsKey => (true, ConfigSetKind.Destinations),
            _ => (false, default(ConfigSetKind)),
        };
        return found;
    }

    private static List<string>? ReadValues(ItemReader reader)
    {
        if (reader.Contains(TableContract.LegacyConfigValues))
        {
            reader.Note(LegacyTraits.LegacyConfigValues);
        }

        if (reader.TryGet(TableContract.ConfigValue, out var value))
        {
            return ReadStrings(reader, TableContract.ConfigValue, value);
        }

        return reader.TryGet(TableContract.LegacyConfigValues, out var legacy)
            ? ReadStrings(reader, TableContract.LegacyConfigValues, legacy)
            : [];
    }

    private static List<string>? ReadStrings(ItemReader reader, string name, AttributeValue value)
    {
        if (value.SS is not null)
        {
            return value.SS;
        }

        if (value.L is not null && value.L.TrueForAll(element => element?.S is not null))
        {
            reader.Note(LegacyTraits.ConfigValueAsList);
            return value.L.ConvertAll(element => element.S);
        }

        reader.Problem($"attribute '{name}' is not a string set");
        return null;
    }
}
