using System.Text.Json.Nodes;

namespace TacoMail.Lambda.Tests.Events;

/// <summary>
/// Builds SES events for tests from <c>full-event.json</c> (the documented shape, our own values),
/// changing only what a test is about.
/// </summary>
internal sealed class TestEvent
{
    private readonly JsonNode _root;

    private TestEvent(JsonNode root) => _root = root;

    public static string MessageId => "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g01";

    private JsonNode Mail => _root["Records"]![0]!["ses"]!["mail"]!;

    private JsonNode Receipt => _root["Records"]![0]!["ses"]!["receipt"]!;

    public static string ReadFile(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Events", name));

    public static TestEvent Full() => new(JsonNode.Parse(ReadFile("full-event.json"))!);

    /// <summary>An authenticated, clean message to <paramref name="recipients"/>.</summary>
    public static string To(params string[] recipients) => Full().WithRecipients(recipients).ToJson();

    public TestEvent WithRecipients(params string[] recipients)
    {
        Receipt["recipients"] = new JsonArray([.. recipients.Select(r => JsonValue.Create(r))]);
        return this;
    }

    /// <summary>Sets <c>receipt.&lt;name&gt;.status</c>, or removes the verdict when <paramref name="status"/> is null.</summary>
    public TestEvent WithVerdict(string name, string? status)
    {
        if (status is null)
        {
            Receipt.AsObject().Remove(name);
        }
        else
        {
            Receipt[name] = new JsonObject { ["status"] = status };
        }

        return this;
    }

    /// <summary>SPF, DKIM and DMARC all failed: a likely forged sender.</summary>
    public TestEvent Unauthenticated() =>
        WithVerdict("spfVerdict", "FAIL").WithVerdict("dkimVerdict", "FAIL").WithVerdict("dmarcVerdict", "FAIL");

    public TestEvent WithSource(string source)
    {
        Mail["source"] = source;
        return this;
    }

    /// <summary>Adds a header field to <c>mail.headers</c>.</summary>
    public TestEvent WithHeader(string name, string value)
    {
        Mail["headers"]!.AsArray().Add(new JsonObject { ["name"] = name, ["value"] = value });
        return this;
    }

    public string ToJson() => _root.ToJsonString();
}
