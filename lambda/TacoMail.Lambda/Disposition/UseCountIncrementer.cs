using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Lambda.Disposition;

/// <summary>
/// Adds one to <c>use_count</c> of each alias that received the message, all concurrently. The
/// condition <c>attribute_exists(identifier)</c> keeps the function from ever creating an item
/// (an alias deleted since the lookup fails the condition, which is fine). Counting is
/// best-effort: failures are reported, never thrown, and never change the disposition.
/// </summary>
internal sealed class UseCountIncrementer
{
    private const string UpdateExpression = "ADD #uc :one";
    private const string ConditionExpression = "attribute_exists(#id)";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;

    public UseCountIncrementer(IAmazonDynamoDB dynamo, string tableName)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        _dynamo = dynamo;
        _tableName = tableName;
    }

    /// <returns>One error text per failed increment; empty when all succeeded.</returns>
    public async Task<IReadOnlyList<string>> IncrementAsync(IReadOnlyCollection<ItemKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var results = await Task.WhenAll(keys.Distinct().Select(key => IncrementAsync(key, cancellationToken))).ConfigureAwait(false);
        return [.. results.OfType<string>()];
    }

    private async Task<string?> IncrementAsync(ItemKey key, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = _tableName,
            Key = ItemKeyCodec.Encode(key),
            UpdateExpression = UpdateExpression,
            ConditionExpression = ConditionExpression,
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#uc"] = TableContract.UseCount,
                ["#id"] = TableContract.Identifier,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":one"] = new AttributeValue { N = "1" },
            },
        };

        try
        {
            await _dynamo.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
        catch (Exception ex)
        {
            // Best-effort by design: whatever went wrong, the message's routing stands.
            return $"use_count of {key} not incremented: {ErrorText.Of(ex)}";
        }
    }
}
