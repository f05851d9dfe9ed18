using System.Text.Json.Nodes;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>The SES event of the rule's Event action after the S3 store, with the values a test chooses.</summary>
internal static class DeliveryTestEvent
{
    public const string Sender = "jane@sender.test";
    public const string Timestamp = "2025-05-01T10:00:00.000Z";

    public static string Create(string messageId, IReadOnlyList<string> recipients, bool authenticated = true)
    {
        var auth = authenticated ? "PASS" : "FAIL";
        var root = new JsonObject
        {
            ["Records"] = new JsonArray(new JsonObject
            {
                ["eventSource"] = "aws:ses",
                ["eventVersion"] = "1.0",
                ["ses"] = new JsonObject
                {
                    ["mail"] = new JsonObject
                    {
                        ["timestamp"] = Timestamp,
                        ["source"] = Sender,
                        ["messageId"] = messageId,
                        ["destination"] = Strings(recipients),
                        ["headersTruncated"] = false,
                        ["headers"] = new JsonArray(new JsonObject { ["name"] = "Subject", ["value"] = "Private subject" }),
                        ["commonHeaders"] = new JsonObject { ["subject"] = "Private subject", ["to"] = Strings(recipients) },
                    },
                    ["receipt"] = new JsonObject
                    {
                        ["timestamp"] = Timestamp,
                        ["processingTimeMillis"] = 250,
                        ["recipients"] = Strings(recipients),
                        ["spamVerdict"] = Verdict("PASS"),
                        ["virusVerdict"] = Verdict("PASS"),
                        ["spfVerdict"] = Verdict(auth),
                        ["dkimVerdict"] = Verdict(auth),
                        ["dmarcVerdict"] = Verdict(auth),
                        ["action"] = new JsonObject
                        {
                            ["type"] = "Lambda",
                            ["invocationType"] = "Event",
                            ["functionArn"] = "arn:aws:lambda:us-east-1:111122223333:function:delivery",
                        },
                    },
                },
            }),
        };
        return root.ToJsonString();
    }

    public static string NewMessageId() => $"it{Guid.NewGuid():N}";

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    private static JsonObject Verdict(string status) => new() { ["status"] = status };
}
