using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Reading;

/// <summary>Reads one alias item with a strongly consistent GetItem (<c>route</c>, <c>contact</c>).</summary>
internal static class AliasItemReader
{
    /// <returns>The alias, or null when the table has no item under <paramref name="key"/>.</returns>
    /// <exception cref="TableReadException">The table does not exist.</exception>
    /// <exception cref="TacoMailException">The item is unreadable.</exception>
    public static async Task<AliasRecord?> ReadAsync(IAmazonDynamoDB client, string tableName, ItemKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        GetItemResponse response;
        try
        {
            response = await client.GetItemAsync(
                new GetItemRequest { TableName = tableName, Key = ItemKeyCodec.Encode(key), ConsistentRead = true },
                cancellationToken);
        }
        catch (ResourceNotFoundException exception)
        {
            throw TableReadException.Missing(tableName, exception);
        }

        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        var decoded = AliasItemCodec.Decode(item);
        return decoded.Record ?? throw new TacoMailException($"the table's item {key} is unreadable: {decoded.Reason}");
    }
}
