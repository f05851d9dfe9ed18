using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>Re-reads one item with a strongly consistent GetItem after a write's condition failed.</summary>
internal sealed class ItemFetcher(WriteContext context)
{
    /// <returns>The raw item, or null when there is none.</returns>
    public async Task<Dictionary<string, AttributeValue>?> GetAsync(ItemKey key)
    {
        var response = await context.Client.GetItemAsync(
            new GetItemRequest { TableName = context.TableName, Key = ItemKeyCodec.Encode(key), ConsistentRead = true },
            CancellationToken.None);
        return response.Item is { Count: > 0 } item ? item : null;
    }
}
