using System.Net;
using System.Text;
using System.Text.Json;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// One request the loopback SES received; the body is kept in a file (a forward can be 54 MB of
/// JSON) and decoded only when a test asks, after any memory measurement.
/// </summary>
internal sealed record SesCall(int Index, string Method, string Path, IReadOnlyDictionary<string, string> Headers, string BodyPath)
{
    public bool IsSendEmail => Path.EndsWith("/v2/email/outbound-emails", StringComparison.Ordinal);

    public bool IsSendBounce => Path == "/" && ReadText().Contains("Action=SendBounce", StringComparison.Ordinal);

    public long BodyLength => new FileInfo(BodyPath).Length;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string ReadText() => File.ReadAllText(BodyPath, Encoding.UTF8);

    /// <summary>The form fields of a Query API call (SendBounce).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields() =>
        [.. ReadText().Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(
                WebUtility.UrlDecode(parts[0]), WebUtility.UrlDecode(parts.Length > 1 ? parts[1] : string.Empty)))];

    public SentEmail ReadSendEmail()
    {
        using var stream = File.OpenRead(BodyPath);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return new SentEmail(
            root.GetProperty("FromEmailAddress").GetString()!,
            [.. root.GetProperty("Destination").GetProperty("ToAddresses").EnumerateArray().Select(a => a.GetString()!)],
            root.GetProperty("Content").GetProperty("Raw").GetProperty("Data").GetBytesFromBase64(),
            root.TryGetProperty("FeedbackForwardingEmailAddress", out var feedback) ? feedback.GetString() : null);
    }
}
