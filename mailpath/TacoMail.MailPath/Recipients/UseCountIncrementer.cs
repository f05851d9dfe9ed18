using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.MailPath.Recipients;

/// <summary>
/// Adds one to <c>use_count</c> of each alias that received the message and sets its
/// <c>last_used_datetime</c> (Unix seconds) in the same write, all concurrently, so a plan can show
/// how busy an alias it would pause or delete is. The
/// condition <c>attribute_exists(identifier)</c> keeps the function from ever creating an item
/// (an alias deleted since the lookup fails the condition, which is fine). Counting is
/// best-effort: failures are reported, never thrown, and never change the disposition.
/// </summary>
/// <remarks>
/// In the mail path's core, not in a host, so that every host that receives mail (the Lambda's
/// disposition, the local SMTP front end) records use the same way.
/// </remarks>
public sealed class UseCountIncrementer
{
    private const string UpdateExpression = "ADD #uc :one SET #lu = :now";
    private const string ConditionExpression = "attribute_exists(#id)";

    private readonly IAmazonDynamoDB _dynamo;
    private readonly string _tableName;
    private readonly TimeProvider _time;

    public UseCountIncrementer(IAmazonDynamoDB dynamo, string tableName, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        ArgumentNullException.ThrowIfNull(time);
        _dynamo = dynamo;
        _tableName = tableName;
        _time = time;
    }

    /// <summary>
    /// The one rule of what counts as use, for every host: a message addressed to an existing alias,
    /// whatever became of it (delivered, dropped while paused or as spam, refused or bounced while
    /// disabled). The count answers "does this address still receive mail?", which is what a plan
    /// that would delete the alias, or <c>stats --unused-for</c>, needs to know. Unknown, invalid,
    /// unreadable and reverse addresses, and the feedback address, are not aliases and never count.
    /// </summary>
    public static bool CountsAsUse(LookupStatus lookup) => lookup == LookupStatus.Found;

    /// <returns>One error text per failed increment; empty when all succeeded.</returns>
    public async Task<IReadOnlyList<string>> IncrementAsync(IReadOnlyCollection<ItemKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = new AttributeValue { N = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        var results = await Task.WhenAll(keys.Distinct().Select(key => IncrementAsync(key, now, cancellationToken))).ConfigureAwait(false);
        return [.. results.OfType<string>()];
    }

    /// <summary>The conditional update for one alias; <paramref name="now"/> is Unix seconds as N.</summary>
    internal UpdateItemRequest Request(ItemKey key, AttributeValue now) =>
        new()
        {
            TableName = _tableName,
            Key = ItemKeyCodec.Encode(key),
            UpdateExpression = UpdateExpression,
            ConditionExpression = ConditionExpression,
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#uc"] = TableContract.UseCount,
                ["#lu"] = TableContract.LastUsedDatetime,
                ["#id"] = TableContract.Identifier,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":one"] = new AttributeValue { N = "1" },
                [":now"] = now,
            },
        };

    private async Task<string?> IncrementAsync(ItemKey key, AttributeValue now, CancellationToken cancellationToken)
    {
        try
        {
            await _dynamo.UpdateItemAsync(Request(key, now), cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
        catch (Exception ex)
        {
            // Best-effort by design: whatever went wrong, the message's routing stands.
            return $"use_count of {key} not incremented: {Describe(ex)}";
        }
    }

    private static string Describe(Exception exception) =>
        exception is OperationCanceledException
            ? "timed out (deadline near) or cancelled"
            : $"{exception.GetType().Name}: {exception.Message}";
}
