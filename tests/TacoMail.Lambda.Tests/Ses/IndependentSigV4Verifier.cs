using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TacoMail.Lambda.Tests.Ses;

/// <summary>
/// SigV4 recomputed from a request as received, with nothing from the code under test: parses
/// the Authorization header, rebuilds the canonical request from the signed headers on the wire
/// and derives the signature with <see cref="HMACSHA256"/>.
/// </summary>
internal static partial class IndependentSigV4Verifier
{
    public static AuthorizationParts Parse(string authorization)
    {
        var match = AuthorizationPattern().Match(authorization);
        match.Success.ShouldBeTrue($"Authorization has the SigV4 shape: {authorization}");
        return new AuthorizationParts(
            match.Groups["key"].Value,
            match.Groups["date"].Value,
            match.Groups["region"].Value,
            match.Groups["service"].Value,
            match.Groups["signed"].Value.Split(';'),
            match.Groups["signature"].Value);
    }

    /// <summary>The signature the request should carry for <paramref name="secretKey"/>.</summary>
    public static string ExpectedSignature(SesRequest request, string secretKey)
    {
        var parts = Parse(request.Header("Authorization") ?? string.Empty);
        var headers = parts.SignedHeaders
            .Select(name => (name, request.Header(name) ?? throw new InvalidOperationException($"{name} is signed but not sent")));
        return Signature(
            request.Method, request.Path, request.Query, headers, request.ReadBody(),
            secretKey, request.Header("X-Amz-Date") ?? string.Empty, parts.Region, parts.Service);
    }

    public static string Signature(
        string method,
        string path,
        string query,
        IEnumerable<(string Name, string Value)> signedHeaders,
        byte[] body,
        string secretKey,
        string amzDate,
        string region,
        string service)
    {
        var headers = signedHeaders
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: Regex.Replace(h.Value.Trim(), " +", " ")))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var canonical = string.Join('\n',
            method,
            string.Join('/', path.Split('/').Select(Uri.EscapeDataString)),
            string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)),
            string.Concat(headers.Select(h => $"{h.Name}:{h.Value}\n")),
            string.Join(';', headers.Select(h => h.Name)),
            Hex(SHA256.HashData(body)));
        var day = amzDate[..8];
        var scope = $"{day}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), day);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    [GeneratedRegex(
        @"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request, SignedHeaders=(?<signed>[a-z0-9;-]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
