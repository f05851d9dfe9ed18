using System.Net;
using System.Text;

namespace TacoMail.Lambda.Tests.Ses;

/// <summary>One request as the loopback listener received it off the wire.</summary>
internal sealed record RecordedRequest(
    string Method,
    string RawUrl,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string Path => RawUrl.Split('?', 2)[0];

    public string Query => RawUrl.Contains('?', StringComparison.Ordinal) ? RawUrl.Split('?', 2)[1] : string.Empty;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body decoded as a server does (<c>+</c> is a space), field by field, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFields() =>
        BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(
                WebUtility.UrlDecode(parts[0]),
                WebUtility.UrlDecode(parts.Length > 1 ? parts[1] : string.Empty)))
            .ToList();

    public string FormField(string name) => FormFields().Single(field => field.Key == name).Value;
}
