using System.Globalization;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Model;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Records;

/// <summary>
/// Converts between <see cref="AliasRecord"/> and alias items (docs/architecture.md section 3). Writing is
/// canonical: every attribute, booleans as BOOL, numbers as invariant N. Reading is lenient about
/// the shapes the earlier API version and hand edits left behind (see <see cref="LegacyTraits"/>)
/// and never throws on bad data, because both the planner and the Lambda must keep going past
/// one broken item.
/// </summary>
public static class AliasItemCodec
{
    /// <summary>The full, canonical item for <paramref name="record"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static Dictionary<string, AttributeValue> Encode(AliasRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);

        var item = ItemKeyCodec.Encode(record.Key);
        item[TableContract.Application] = new AttributeValue { S = TableContract.ApplicationName };
        item[TableContract.ActiveAlias] = new AttributeValue { BOOL = record.State != AliasState.Disabled };
        item[TableContract.IgnoreAlias] = new AttributeValue { BOOL = record.State == AliasState.Paused };
        item[TableContract.Destination] = new AttributeValue { S = record.Destination };
        item[TableContract.FullAddress] = new AttributeValue { S = record.FullAddress };
        item[TableContract.Identifier] = new AttributeValue { S = record.Identifier };
        item[TableContract.CreatedDatetime] = Number(record.CreatedDatetime);
        item[TableContract.ModifiedDatetime] = Number(record.ModifiedDatetime);
        item[TableContract.UseCount] = Number(record.UseCount);
        if (record.LastUsedDatetime is { } lastUsed)
        {
            item[TableContract.LastUsedDatetime] = Number(lastUsed);
        }

        return item;
    }

    /// <summary>
    /// The record held by <paramref name="item"/>, or a reason naming the item's keys and every
    /// attribute at fault.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static DecodeResult<AliasRecord> Decode(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);

        var reader = new ItemReader(item);
        var key = reader.ReadKey();
        if (key?.SubDomain == TableContract.ConfigPartition)
        {
            reader.Problem($"is in the reserved partition '{TableContract.ConfigPartition}', not an alias");
            return DecodeResult<AliasRecord>.Failure(reader.Reason);
        }

        if (reader.OptionalString(TableContract.Application) != TableContract.ApplicationName)
        {
            reader.Note(LegacyTraits.Application);
        }

        var active = reader.Boolean(TableContract.ActiveAlias, whenMissing: true, LegacyTraits.ActiveAliasMissing);
        var ignore = reader.Boolean(TableContract.IgnoreAlias, whenMissing: false, LegacyTraits.IgnoreAliasMissing);
        var destination = reader.RequiredString(TableContract.Destination);
        if (key is not null && reader.OptionalString(TableContract.FullAddress) != key.Value.FullAddress)
        {
            reader.Note(LegacyTraits.FullAddress);
        }

        var identifier = reader.RequiredString(TableContract.Identifier);
        var created = reader.RequiredNumber(TableContract.CreatedDatetime);
        var modified = reader.RequiredNumber(TableContract.ModifiedDatetime);
        var useCount = reader.Number(TableContract.UseCount, whenMissing: 0, LegacyTraits.UseCountMissing);
        var lastUsed = reader.OptionalNumber(TableContract.LastUsedDatetime);

        if (reader.HasProblems || key is null || destination is null || identifier is null)
        {
            return DecodeResult<AliasRecord>.Failure(reader.Reason);
        }

        if (!active && ignore)
        {
            reader.Note(LegacyTraits.IgnoredWhileDisabled);
        }

        var state = !active ? AliasState.Disabled : ignore ? AliasState.Paused : AliasState.Active;
        var record = new AliasRecord(key.Value, destination, state, identifier, created, modified, useCount)
        {
            LastUsedDatetime = lastUsed,
            LegacyTraits = reader.Traits,
        };
        return DecodeResult<AliasRecord>.Success(record);
    }

    private static AttributeValue Number(long value) =>
        new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
