using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace TacoMail.Lambda.Ses.Signing;

/// <summary>
/// Signs any <see cref="HttpRequestMessage"/> with AWS Signature Version 4 for one service and
/// region, so hand-built calls (the SES SDK is not available) authenticate like SDK ones. The
/// canonical request is built here; the key derivation and HMAC are AWSSDK.Core's
/// <see cref="AWS4Signer"/>. Session credentials add a signed <c>X-Amz-Security-Token</c>.
/// </summary>
internal sealed class SigV4RequestSigner
{
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";
    public const string AuthorizationHeader = "Authorization";

    private const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly string _service;
    private readonly string _region;

    public SigV4RequestSigner(string service, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        _service = service;
        _region = region;
    }

    /// <summary>
    /// Adds <c>Host</c>, <c>X-Amz-Date</c>, the session token if any and <c>Authorization</c>;
    /// replaces them when the request is signed again (a retry). Buffers the content to hash it.
    /// </summary>
    public async Task SignAsync(
        HttpRequestMessage request,
        ImmutableCredentials credentials,
        DateTimeOffset signedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null
            ? []
            : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        Sign(request, credentials, signedAt, CanonicalRequestBuilder.PayloadHash(body));
    }

    /// <summary>
    /// Signs a request whose body the caller has hashed already — a body too large to buffer,
    /// hashed while it was streamed to disk.
    /// </summary>
    /// <param name="request">The request, content headers (Content-Type) already set.</param>
    /// <param name="credentials">The signing credentials.</param>
    /// <param name="signedAt">The signing time.</param>
    /// <param name="payloadHash">The lower-case hex SHA-256 of the body that will be sent.</param>
    public void Sign(HttpRequestMessage request, ImmutableCredentials credentials, DateTimeOffset signedAt, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(payloadHash);
        var uri = request.RequestUri;
        if (uri is null || !uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The request needs an absolute URI to be signed.", nameof(request));
        }

        var utc = signedAt.UtcDateTime;
        var headers = request.Headers;
        headers.Remove(DateHeader);
        headers.Remove(SecurityTokenHeader);
        headers.Remove(AuthorizationHeader);
        headers.Host = CanonicalRequestBuilder.HostHeader(uri);
        headers.TryAddWithoutValidation(DateHeader, utc.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (credentials.UseToken)
        {
            headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);
        }

        var canonical = CanonicalRequestBuilder.Build(request, payloadHash);
        var result = AWS4Signer.ComputeSignature(
            credentials, _region, utc, _service, canonical.SignedHeaders, canonical.Text);
        headers.TryAddWithoutValidation(AuthorizationHeader, result.ForAuthorizationHeader);
    }
}
