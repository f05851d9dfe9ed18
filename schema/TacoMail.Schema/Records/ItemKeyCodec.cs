using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Records;

/// <summary>
/// Writes an <see cref="ItemKey"/> as the key attributes of a DynamoDB request (GetItem,
/// BatchGetItem, DeleteItem, conditional writes), so key names are spelled in one place.
/// </summary>
public static class ItemKeyCodec
{
    /// <summary>The two key attributes of <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException">The default key.</exception>
    public static Dictionary<string, AttributeValue> Encode(ItemKey key)
    {
        if (key == default)
        {
            throw new ArgumentException("The key must not be the default value.", nameof(key));
        }

        return new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [TableContract.SubDomain] = new AttributeValue { S = key.SubDomain },
            [TableContract.AliasAddress] = new AttributeValue { S = key.LocalPart },
        };
    }
}
