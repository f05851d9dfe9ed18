using System.Security.Cryptography;
using System.Text;

namespace TacoMail.Lambda.Ses.Signing;

/// <summary>
/// Builds the SigV4 canonical request (non-S3 rules: each path segment encoded twice). Signs
/// <c>host</c>, <c>content-type</c> and every <c>x-amz-*</c> header: what SES requires, and
/// nothing that a proxy or the HTTP stack may add or rewrite on the way.
/// </summary>
internal static class CanonicalRequestBuilder
{
    public static CanonicalRequest Build(HttpRequestMessage request, ReadOnlySpan<byte> body) =>
        Build(request, PayloadHash(body));

    /// <param name="request">The request, its signed headers already set.</param>
    /// <param name="payloadHash">The lower-case hex SHA-256 of the body that will be sent.</param>
    public static CanonicalRequest Build(HttpRequestMessage request, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(payloadHash);
        var uri = request.RequestUri
            ?? throw new ArgumentException("The request has no URI.", nameof(request));

        var headers = SignedHeaderValues(request, uri);
        var signedHeaders = string.Join(';', headers.Keys);
        var text = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(CanonicalUri(uri)).Append('\n')
            .Append(CanonicalQuery(uri)).Append('\n');
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        text.Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(payloadHash);
        return new CanonicalRequest(text.ToString(), signedHeaders);
    }

    /// <summary>The lower-case hex SHA-256 of <paramref name="body"/>, as the canonical request ends.</summary>
    public static string PayloadHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The <c>Host</c> header value HTTP/1.1 sends for <paramref name="uri"/>.</summary>
    public static string HostHeader(Uri uri) =>
        uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";

    private static SortedDictionary<string, string> SignedHeaderValues(HttpRequestMessage request, Uri uri)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = HostHeader(uri),
        };
        var all = request.Content is null
            ? request.Headers
            : request.Headers.Concat(request.Content.Headers);
        foreach (var (name, headerValues) in all)
        {
            var lower = name.ToLowerInvariant();
            if (lower is "content-type" || lower.StartsWith("x-amz-", StringComparison.Ordinal))
            {
                values[lower] = string.Join(',', headerValues.Select(TrimValue));
            }
        }

        return values;
    }

    private static string CanonicalUri(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (path.Length == 0)
        {
            return "/";
        }

        // The path as sent is already encoded once; SigV4 (outside S3) encodes it again.
        return string.Join('/', path.Split('/').Select(AwsPercentEncoding.Encode));
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Key: AwsPercentEncoding.Encode(Uri.UnescapeDataString(key)),
                    Value: AwsPercentEncoding.Encode(Uri.UnescapeDataString(value)));
            })
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => $"{pair.Key}={pair.Value}"));
    }

    private static string TrimValue(string value) =>
        string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
