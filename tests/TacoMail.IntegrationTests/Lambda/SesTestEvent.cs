using System.Text.Json.Nodes;

namespace TacoMail.IntegrationTests.Lambda;

/// <summary>An SES receipt-rule Lambda event in the documented shape, with the values a test chooses.</summary>
internal static class SesTestEvent
{
    public const string MessageId = "it0message0id0disposition";

    public static string Create(IReadOnlyList<string> recipients, bool authenticated = true)
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
                        ["timestamp"] = "2025-05-01T10:00:00.000Z",
                        ["source"] = "sender@sender.test",
                        ["messageId"] = MessageId,
                        ["destination"] = Strings(recipients),
                        ["headersTruncated"] = false,
                        ["headers"] = new JsonArray(new JsonObject { ["name"] = "Subject", ["value"] = "Private subject" }),
                        ["commonHeaders"] = new JsonObject { ["subject"] = "Private subject", ["to"] = Strings(recipients) },
                    },
                    ["receipt"] = new JsonObject
                    {
                        ["timestamp"] = "2025-05-01T10:00:00.000Z",
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
                            ["invocationType"] = "RequestResponse",
                            ["functionArn"] = "arn:aws:lambda:us-east-1:111122223333:function:disposition",
                        },
                    },
                },
            }),
        };
        return root.ToJsonString();
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => JsonValue.Create(v))]);

    private static JsonObject Verdict(string status) => new() { ["status"] = status };
}
