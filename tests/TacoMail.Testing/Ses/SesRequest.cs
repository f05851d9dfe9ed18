using System.Net;
using System.Text;
using System.Text.Json;

namespace TacoMail.Testing.Ses;

/// <summary>
/// One request <see cref="LoopbackSes"/> received, as it came off the wire. The body is held as
/// the server was told (<see cref="SesBodies"/>): in memory, in a file decoded only when a test
/// asks, or not at all.
/// </summary>
/// <param name="Index">1 for the first request the server received, and so on.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="RawUrl">The path and query as sent.</param>
/// <param name="Headers">The headers (names case-insensitive).</param>
/// <param name="BodyLength">The body's length in bytes.</param>
/// <param name="Body">The body, when kept in memory.</param>
/// <param name="BodyPath">The file holding the body, when kept in a file.</param>
public sealed record SesRequest(
    int Index,
    string Method,
    string RawUrl,
    IReadOnlyDictionary<string, string> Headers,
    long BodyLength,
    byte[]? Body,
    string? BodyPath)
{
    public string Path => RawUrl.Split('?', 2)[0];

    public string Query => RawUrl.Contains('?', StringComparison.Ordinal) ? RawUrl.Split('?', 2)[1] : string.Empty;

    /// <summary>An SES v2 <c>SendEmail</c> (a forward).</summary>
    public bool IsSendEmail => Path.EndsWith("/v2/email/outbound-emails", StringComparison.Ordinal);

    /// <summary>An SES v1 Query API <c>SendBounce</c>.</summary>
    public bool IsSendBounce => Path == "/" && BodyText.Contains("Action=SendBounce", StringComparison.Ordinal);

    /// <exception cref="InvalidOperationException">The server discarded the body.</exception>
    public string BodyText => Encoding.UTF8.GetString(ReadBody());

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <exception cref="InvalidOperationException">The server discarded the body.</exception>
    public byte[] ReadBody() =>
        Body ?? (BodyPath is { } path ? File.ReadAllBytes(path) : throw new InvalidOperationException("The server discarded the body."));

    /// <summary>The body decoded as a server does (<c>+</c> is a space), field by field, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields() =>
        [.. BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(
                WebUtility.UrlDecode(parts[0]), WebUtility.UrlDecode(parts.Length > 1 ? parts[1] : string.Empty)))];

    public string FormField(string name) => FormFields().Single(field => field.Key == name).Value;

    /// <summary>The body as an SES v2 <c>SendEmail</c> request.</summary>
    public SentEmail ReadSendEmail()
    {
        using Stream stream = BodyPath is { } path ? File.OpenRead(path) : new MemoryStream(ReadBody(), writable: false);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        return new SentEmail(
            root.GetProperty("FromEmailAddress").GetString()!,
            [.. root.GetProperty("Destination").GetProperty("ToAddresses").EnumerateArray().Select(a => a.GetString()!)],
            root.GetProperty("Content").GetProperty("Raw").GetProperty("Data").GetBytesFromBase64(),
            root.TryGetProperty("FeedbackForwardingEmailAddress", out var feedback) ? feedback.GetString() : null);
    }
}
