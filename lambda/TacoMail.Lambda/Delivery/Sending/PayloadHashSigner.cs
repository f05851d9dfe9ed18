using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>
/// SigV4 for a request whose body is too large to hold in memory: the caller hashes the body while
/// it streams it to disk and passes the hash. <see cref="SigV4RequestSigner"/> buffers the content
/// to hash it, which for a 40 MB forward (54 MB of JSON) would cost twice that in memory. The
/// canonical request is still <see cref="CanonicalRequestBuilder"/>'s: it is built for an empty
/// body, whose hash ends the canonical text, and that last line is replaced by the real hash.
/// </summary>
internal sealed class PayloadHashSigner
{
    /// <summary>The SHA-256 of no bytes, the last line of a canonical request for an empty body.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly string _service;
    private readonly string _region;

    public PayloadHashSigner(string service, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        _service = service;
        _region = region;
    }

    /// <param name="request">The request, content headers (Content-Type) already set.</param>
    /// <param name="credentials">The signing credentials.</param>
    /// <param name="signedAt">The signing time.</param>
    /// <param name="payloadHash">The lower-case hex SHA-256 of the body that will be sent.</param>
    public void Sign(HttpRequestMessage request, ImmutableCredentials credentials, DateTimeOffset signedAt, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(payloadHash);
        if (payloadHash.Length != EmptyPayloadHash.Length)
        {
            throw new ArgumentException("A SHA-256 hash is 64 hex digits.", nameof(payloadHash));
        }

        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new ArgumentException("The request needs an absolute URI to be signed.", nameof(request));
        var utc = signedAt.UtcDateTime;
        var headers = request.Headers;
        headers.Remove(SigV4RequestSigner.DateHeader);
        headers.Remove(SigV4RequestSigner.SecurityTokenHeader);
        headers.Remove(SigV4RequestSigner.AuthorizationHeader);
        headers.Host = CanonicalRequestBuilder.HostHeader(uri);
        headers.TryAddWithoutValidation(SigV4RequestSigner.DateHeader, utc.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (credentials.UseToken)
        {
            headers.TryAddWithoutValidation(SigV4RequestSigner.SecurityTokenHeader, credentials.Token);
        }

        var canonical = CanonicalRequestBuilder.Build(request, []);
        if (!canonical.Text.EndsWith(EmptyPayloadHash, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The canonical request does not end with the payload hash.");
        }

        var text = string.Concat(canonical.Text.AsSpan(0, canonical.Text.Length - EmptyPayloadHash.Length), payloadHash);
        var result = AWS4Signer.ComputeSignature(credentials, _region, utc, _service, canonical.SignedHeaders, text);
        headers.TryAddWithoutValidation(SigV4RequestSigner.AuthorizationHeader, result.ForAuthorizationHeader);
    }
}
