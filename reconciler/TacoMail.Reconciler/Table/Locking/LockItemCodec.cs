using System.Globalization;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table.Locking;

/// <summary>Converts between <see cref="LockInfo"/> and the lock item; reading tolerates a damaged item so it can still be shown and cleared.</summary>
internal static class LockItemCodec
{
    public const string Unknown = "?";

    /// <summary>9999-12-31T23:59:59Z, the last second <see cref="DateTimeOffset"/> holds.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    public static ItemKey Key { get; } = new(TableContract.ConfigPartition, TableContract.ConfigLockKey);

    public static Dictionary<string, AttributeValue> Encode(LockInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var item = ItemKeyCodec.Encode(Key);
        item[LockAttributes.LockId] = new AttributeValue { S = info.LockId };
        item[LockAttributes.Owner] = new AttributeValue { S = info.Holder.Owner };
        item[LockAttributes.Host] = new AttributeValue { S = info.Holder.Host };
        item[LockAttributes.ProcessId] = Number(info.Holder.ProcessId);
        item[LockAttributes.Started] = Number(info.Started.ToUnixTimeSeconds());
        item[LockAttributes.Expires] = Number(info.Expires.ToUnixTimeSeconds());
        item[LockAttributes.Version] = Number(info.Version);
        return item;
    }

    public static LockInfo Decode(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new LockInfo(
            Text(item, LockAttributes.LockId),
            new LockHolder(Text(item, LockAttributes.Owner), Text(item, LockAttributes.Host), (int)Math.Min(Seconds(item, LockAttributes.ProcessId), int.MaxValue)),
            DateTimeOffset.FromUnixTimeSeconds(Seconds(item, LockAttributes.Started)),
            DateTimeOffset.FromUnixTimeSeconds(Seconds(item, LockAttributes.Expires)),
            Seconds(item, LockAttributes.Version));
    }

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static string Text(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.GetValueOrDefault(name)?.S is { Length: > 0 } text ? text : Unknown;

    private static long Seconds(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        long.TryParse(item.GetValueOrDefault(name)?.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value is >= 0 and <= MaxUnixSeconds
            ? value
            : 0;
}
