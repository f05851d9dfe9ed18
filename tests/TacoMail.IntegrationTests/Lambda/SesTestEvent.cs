using System.Text.Json.Nodes;

namespace TacoMail.IntegrationTests.Lambda;

/// <summary>An SES receipt-rule Lambda event in the documented shape, with the values a test chooses.</summary>
internal static class SesTestEvent
{
    public const string MessageId = "it0message0id0disposition";
    public const string Timestamp = "2025-05-01T10:00:00.000Z";

    /// <summary>The event of the rule's RequestResponse action (the disposition function).</summary>
    public static string Create(IReadOnlyList<string> recipients, bool authenticated = true) =>
        Create(MessageId, "sender@sender.test", recipients, authenticated, "RequestResponse", "disposition");

    /// <summary>An event for any action of the rule.</summary>
    public static string Create(
        string messageId, string sender, IReadOnlyList<string> recipients, bool authenticated, string invocationType, string function)
    {
        var auth = authenticated ? "PASS" : "FAIL";
        return Create(messageId, sender, recipients, (auth, auth, auth), invocationType, function);
    }

    /// <summary>An event with each authentication verdict chosen (<c>PASS</c>, <c>FAIL</c>, <c>GRAY</c>, …).</summary>
    public static string Create(
        string messageId,
        string sender,
        IReadOnlyList<string> recipients,
        (string Spf, string Dkim, string Dmarc) verdicts,
        string invocationType,
        string function)
    {
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
                        ["source"] = sender,
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
                        ["spfVerdict"] = Verdict(verdicts.Spf),
                        ["dkimVerdict"] = Verdict(verdicts.Dkim),
                        ["dmarcVerdict"] = Verdict(verdicts.Dmarc),
                        ["action"] = new JsonObject
                        {
                            ["type"] = "Lambda",
                            ["invocationType"] = invocationType,
                            ["functionArn"] = $"arn:aws:lambda:us-east-1:111122223333:function:{function}",
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
