using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

/// <summary>Items and records for codec tests, built by hand rather than through the encoder.</summary>
internal static class TestItems
{
    public const string Domain = "example.com";
    public const string Local = "shop";
    public const string Destination = "me@gmail.com";
    public const string Identifier = "0b6f7a3e-2d54-4c1b-9a8e-5f0c2d1e7b94";
    public const long Created = 1_700_000_000;
    public const long Modified = 1_700_000_500;

    public static readonly ItemKey Key = new(Domain, Local);

    public static AliasRecord Record(AliasState state = AliasState.Active, long useCount = 3) =>
        new(Key, Destination, state, Identifier, Created, Modified, useCount);

    /// <summary>The canonical item of <see cref="Record"/> in the active state.</summary>
    public static Dictionary<string, AttributeValue> Alias() => new(StringComparer.Ordinal)
    {
        [TableContract.SubDomain] = S(Domain),
        [TableContract.AliasAddress] = S(Local),
        [TableContract.Application] = S(TableContract.ApplicationName),
        [TableContract.ActiveAlias] = Bool(true),
        [TableContract.IgnoreAlias] = Bool(false),
        [TableContract.Destination] = S(Destination),
        [TableContract.FullAddress] = S($"{Local}@{Domain}"),
        [TableContract.Identifier] = S(Identifier),
        [TableContract.CreatedDatetime] = N("1700000000"),
        [TableContract.ModifiedDatetime] = N("1700000500"),
        [TableContract.UseCount] = N("3"),
    };

    public static Dictionary<string, AttributeValue> Config(string sortKey, AttributeValue? configValue = null)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [TableContract.SubDomain] = S(TableContract.ConfigPartition),
            [TableContract.AliasAddress] = S(sortKey),
        };
        if (configValue is not null)
        {
            item[TableContract.ConfigValue] = configValue;
        }

        return item;
    }

    public static Dictionary<string, AttributeValue> With(
        this Dictionary<string, AttributeValue> item, string name, AttributeValue value) =>
        new(item, StringComparer.Ordinal) { [name] = value };

    public static Dictionary<string, AttributeValue> Without(
        this Dictionary<string, AttributeValue> item, params string[] names)
    {
        var copy = new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal);
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy;
    }

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(string value) => new() { N = value };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    public static AttributeValue Null() => new() { NULL = true };

    public static AttributeValue Ss(params string[] values) => new() { SS = [.. values] };

    public static AttributeValue L(params AttributeValue[] values) => new() { L = [.. values] };

    public static AliasRecord Decoded(Dictionary<string, AttributeValue> item)
    {
        var result = AliasItemCodec.Decode(item);
        result.IsSuccess.ShouldBeTrue(result.Reason);
        return result.Record;
    }

    public static string Failure(Dictionary<string, AttributeValue> item)
    {
        var result = AliasItemCodec.Decode(item);
        result.IsSuccess.ShouldBeFalse();
        result.Record.ShouldBeNull();
        return result.Reason;
    }
}
