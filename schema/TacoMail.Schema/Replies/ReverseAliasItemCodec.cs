using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Replies;

/// <summary>
/// The two items of a reverse alias in <c>tacomail-reverse</c> (docs/architecture.md section 3):
/// the token item <c>r#&lt;token&gt;</c>, which the mail path reads by the address a reply arrives
/// at, and the pair item <c>p#&lt;alias&gt;#&lt;sender hash&gt;</c>, which finds the token again for
/// the same alias and sender (so the address is stable) and lists an alias's reverse addresses
/// with one <c>Query</c> on its prefix. The pair key hashes the sender, so keys hold no
/// correspondent's address.
/// </summary>
public static class ReverseAliasItemCodec
{
    /// <summary>The attributes the mail path reads from a token item.</summary>
    public static IReadOnlyList<string> AttributeNames { get; } =
        [TableContract.ReplyAlias, TableContract.ReplyCorrespondent, TableContract.CreatedDatetime, TableContract.LastUsedDatetime];

    /// <summary>The pair item's key for <paramref name="alias"/> and <paramref name="correspondent"/> (case-insensitive).</summary>
    public static ItemKey PairKey(string alias, string correspondent)
    {
        ArgumentException.ThrowIfNullOrEmpty(alias);
        ArgumentException.ThrowIfNullOrEmpty(correspondent);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(correspondent.ToLowerInvariant()));
        return new ItemKey(TableContract.ReversePartition, PairPrefix(alias) + Convert.ToHexStringLower(hash.AsSpan(0, 16)));
    }

    /// <summary>The sort-key prefix of every pair item of <paramref name="alias"/>.</summary>
    public static string PairPrefix(string alias) => $"p#{alias.ToLowerInvariant()}#";

    /// <summary>The token item.</summary>
    public static Dictionary<string, AttributeValue> Encode(ReverseAliasRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = ItemKeyCodec.Encode(record.Address.ItemKey);
        item[TableContract.FullAddress] = new AttributeValue { S = record.Address.Address };
        item[TableContract.ReplyAlias] = new AttributeValue { S = record.Alias };
        item[TableContract.ReplyCorrespondent] = new AttributeValue { S = record.Correspondent };
        item[TableContract.CreatedDatetime] = Number(record.CreatedDatetime);
        if (record.LastUsedDatetime is { } lastUsed)
        {
            item[TableContract.LastUsedDatetime] = Number(lastUsed);
        }

        return item;
    }

    /// <summary>The pair item, pointing at the token item of <paramref name="record"/>.</summary>
    public static Dictionary<string, AttributeValue> EncodePair(ReverseAliasRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = ItemKeyCodec.Encode(PairKey(record.Alias, record.Correspondent));
        item[TableContract.ReplyToken] = new AttributeValue { S = record.Address.Token };
        return item;
    }

    /// <summary>The token a pair item points at, or null when the item holds none.</summary>
    public static string? TokenOf(IReadOnlyDictionary<string, AttributeValue> pairItem)
    {
        ArgumentNullException.ThrowIfNull(pairItem);
        return pairItem.GetValueOrDefault(TableContract.ReplyToken)?.S;
    }

    /// <summary>The record a token item holds, or why it cannot be read.</summary>
    public static DecodeResult<ReverseAliasRecord> Decode(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reader = new ItemReader(item);
        var key = reader.ReadKey();
        var alias = reader.RequiredString(TableContract.ReplyAlias);
        var correspondent = reader.RequiredString(TableContract.ReplyCorrespondent);
        var created = reader.RequiredNumber(TableContract.CreatedDatetime);
        long? lastUsed = reader.Contains(TableContract.LastUsedDatetime) ? reader.RequiredNumber(TableContract.LastUsedDatetime) : null;
        var at = alias?.LastIndexOf('@') ?? -1;
        if (key is not { SubDomain: TableContract.ReversePartition, LocalPart: ['r', '#', .. var token] } || !ReverseAddressToken(token))
        {
            reader.Problem("is not a reverse alias's token item");
        }
        else if (alias is not null && (at <= 0 || at == alias.Length - 1))
        {
            reader.Problem($"attribute '{TableContract.ReplyAlias}' is not an address");
        }

        if (reader.HasProblems || key is null || alias is null || correspondent is null)
        {
            return DecodeResult<ReverseAliasRecord>.Failure(reader.Reason);
        }

        var address = ReverseAddress.Of(key.Value.LocalPart[2..], alias[(at + 1)..]);
        return DecodeResult<ReverseAliasRecord>.Success(new ReverseAliasRecord(address, alias, correspondent, created, lastUsed));
    }

    private static bool ReverseAddressToken(string token) => ReverseAddress.IsReverseForm(ReverseAddress.Prefix + token);

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
