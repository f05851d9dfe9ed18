using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Bench.Disposition;

/// <summary>The table the disposition benchmark reads: one alias per state, and the settings item apply writes (the smtp benchmark adds more aliases).</summary>
internal static class BenchTable
{
    public const string Name = "tacomail-bench";

    public static async Task CreateAsync(IAmazonDynamoDB client, CancellationToken cancellationToken)
    {
        await new TableInitializer().EnsureTableAsync(client, Name, cancellationToken);
        await PutAliasesAsync(client, [("shop", AliasState.Active), ("quiet", AliasState.Paused), ("gone", AliasState.Disabled)], cancellationToken);

        var settings = new RoutingSettings("mailer-daemon@example.com", null, SubAddressSeparators.Default, MessagePolicy.Default);
        var item = SettingsItemCodec.Encode(new DeclaredSettings(settings, SafetyThresholds.Default));
        await client.PutItemAsync(new PutItemRequest { TableName = Name, Item = item }, cancellationToken);
    }

    /// <summary>Writes an alias of <c>example.com</c> for each local part, in the given state, forwarding to one owner.</summary>
    public static async Task PutAliasesAsync(IAmazonDynamoDB client, IEnumerable<(string LocalPart, AliasState State)> aliases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var (local, state) in aliases)
        {
            var record = new AliasRecord(new ItemKey("example.com", local), "me@example.net", state, Guid.NewGuid().ToString(), 1_700_000_000, 1_700_000_000, 0);
            await client.PutItemAsync(new PutItemRequest { TableName = Name, Item = AliasItemCodec.Encode(record) }, cancellationToken);
        }
    }

    /// <summary>An SES receipt event for a delivered and a dropped recipient (no bounce, so no SES call).</summary>
    public static string Event(string messageId) => EventTemplate.Replace("MESSAGE_ID", messageId, StringComparison.Ordinal);

    private const string EventTemplate = """
        {"Records":[{"eventSource":"aws:ses","eventVersion":"1.0","ses":{
          "mail":{"timestamp":"2026-11-29T10:00:00.000Z","source":"sender@mailer.example","messageId":"MESSAGE_ID",
                  "destination":["shop+bench@example.com","quiet@example.com"],"headersTruncated":false,"headers":[],"commonHeaders":{}},
          "receipt":{"timestamp":"2026-11-29T10:00:00.000Z","processingTimeMillis":250,
                     "recipients":["shop+bench@example.com","quiet@example.com"],
                     "spamVerdict":{"status":"PASS"},"virusVerdict":{"status":"PASS"},"spfVerdict":{"status":"PASS"},
                     "dkimVerdict":{"status":"PASS"},"dmarcVerdict":{"status":"PASS"},
                     "action":{"type":"Lambda","invocationType":"RequestResponse","functionArn":"arn:aws:lambda:us-east-1:111122223333:function:tacomail-disposition"}}}}]}
        """;
}
