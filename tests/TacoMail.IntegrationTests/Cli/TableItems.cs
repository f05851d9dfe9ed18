using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>
/// The CLI tests' view of a table: items as canonical text lines, so that "nothing was written"
/// is a comparison of two lists, and the Lambda's usage write, so that plans and stats have usage
/// to show.
/// </summary>
internal static class TableItems
{
    /// <summary>Every item of <paramref name="table"/>, each as a canonical line of all its attributes, in order.</summary>
    public static async Task<List<string>> ScanAsync(IAmazonDynamoDB client, string table)
    {
        var lines = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(
                new ScanRequest { TableName = table, ConsistentRead = true, ExclusiveStartKey = start },
                TestContext.Current.CancellationToken);
            lines.AddRange(page.Items.Select(Canonical));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    /// <summary>What the disposition writes per message, as one direct UpdateItem on an existing alias.</summary>
    public static async Task CountMessagesAsync(IAmazonDynamoDB client, string table, ItemKey alias, int messages, DateTimeOffset at) =>
        await client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = table,
                Key = ItemKeyCodec.Encode(alias),
                UpdateExpression = "ADD #uc :n SET #lu = :at",
                ExpressionAttributeNames = new() { ["#uc"] = TableContract.UseCount, ["#lu"] = TableContract.LastUsedDatetime },
                ExpressionAttributeValues = new()
                {
                    [":n"] = new AttributeValue { N = messages.ToString(CultureInfo.InvariantCulture) },
                    [":at"] = new AttributeValue { N = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
                ConditionExpression = "attribute_exists(#uc)",
            },
            TestContext.Current.CancellationToken);

    /// <summary>An item as one line: its attributes in name order, each with its type.</summary>
    public static string Canonical(Dictionary<string, AttributeValue> item) =>
        string.Join(", ", item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Canonical(a.Value)}"));

    private static string Canonical(AttributeValue value) => value switch
    {
        { S: { } s } => $"S:{s}",
        { N: { } n } => $"N:{n}",
        { BOOL: { } b } => $"BOOL:{b}",
        { SS.Count: > 0 } => $"SS:[{string.Join("|", value.SS.Order(StringComparer.Ordinal))}]",
        { NS.Count: > 0 } => $"NS:[{string.Join("|", value.NS.Order(StringComparer.Ordinal))}]",
        { L.Count: > 0 } => $"L:[{string.Join("|", value.L.Select(Canonical))}]",
        { M.Count: > 0 } => $"M:{{{Canonical(value.M)}}}",
        { B: { } bytes } => $"B:{Convert.ToBase64String(bytes.ToArray())}",
        { NULL: true } => "NULL",
        _ => throw new InvalidOperationException("An attribute type these tests do not compare."),
    };
}
