using Amazon.Runtime;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Ses;

/// <summary>
/// The HTTP half of every SES call: resolves credentials, signs for service <c>ses</c>, sends
/// within a deadline and reads the answer. Operations (<see cref="SesBounceSender"/>, and later
/// SES v2 <c>SendEmail</c>) build the request body and map the response. Transport failures,
/// timeouts and missing credentials become <see cref="SesException"/>; the caller's own
/// cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class SesHttpClient
{
    public const string SigningService = "ses";

    /// <summary>Well under the disposition Lambda's budget: a slow SES must not delay mail.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    private const string ErrorTypeHeader = "x-amzn-ErrorType";

    private readonly HttpClient _http;
    private readonly IAwsCredentialsSource _credentials;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly SigV4RequestSigner _signer;

    public SesHttpClient(
        HttpClient http,
        SesEndpoint endpoint,
        IAwsCredentialsSource credentials,
        TimeProvider time,
        TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _http = http;
        Endpoint = endpoint;
        _credentials = credentials;
        _time = time;
        _timeout = timeout;
        _signer = new SigV4RequestSigner(SigningService, endpoint.Region);
    }

    public SesEndpoint Endpoint { get; }

    /// <summary>The client for AWS: endpoint from the environment, the SDK's default credentials.</summary>
    /// <exception cref="InvalidOperationException">The environment names no usable endpoint or region.</exception>
    public static SesHttpClient Create(IEnvironmentVariables environment, HttpClient http, TimeProvider time) =>
        new(http, SesEndpoint.FromEnvironment(environment), new DefaultAwsCredentialsSource(), time, DefaultTimeout);

    /// <summary>
    /// Signs and sends one request to <paramref name="relativePath"/> under the endpoint; takes
    /// ownership of <paramref name="content"/>. <paramref name="operation"/> names the SES
    /// operation in error messages.
    /// </summary>
    /// <exception cref="SesException">No credentials, no connection, or no answer in time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<SesHttpResponse> SendAsync(
        HttpMethod method,
        string relativePath,
        HttpContent? content,
        string operation,
        CancellationToken cancellationToken) =>
        SendAsync(method, relativePath, content, payloadHash: null, operation, cancellationToken);

    /// <summary>
    /// As above, for a body the caller has hashed already (<paramref name="payloadHash"/>, lower-case
    /// hex SHA-256): the content is then streamed as it is rather than buffered to be hashed, which
    /// is what a 40 MB forward needs. A null hash hashes the buffered content.
    /// </summary>
    public async Task<SesHttpResponse> SendAsync(
        HttpMethod method,
        string relativePath,
        HttpContent? content,
        string? payloadHash,
        string operation,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var credentials = await ResolveCredentialsAsync(operation, linked.Token).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, Endpoint.Resolve(relativePath)) { Content = content };
            if (payloadHash is null)
            {
                await _signer.SignAsync(request, credentials, _time.GetUtcNow(), linked.Token).ConfigureAwait(false);
            }
            else
            {
                _signer.Sign(request, credentials, _time.GetUtcNow(), payloadHash);
            }

            using var response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var errorType = response.Headers.TryGetValues(ErrorTypeHeader, out var values) ? values.FirstOrDefault() : null;
            return new SesHttpResponse(response.StatusCode, errorType, body);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SesException(
                $"SES did not answer {operation} within {_timeout.TotalSeconds:0.###} s ({Endpoint.Url}).",
                code: null,
                statusCode: null,
                new TimeoutException(ex.Message, ex));
        }
        catch (HttpRequestException ex)
        {
            throw new SesException(
                $"Could not reach SES for {operation} at {Endpoint.Url}: {ex.Message}",
                code: null,
                statusCode: (int?)ex.StatusCode,
                ex);
        }
        finally
        {
            // The content owns a spooled request body (deleted on close): released on every path,
            // also when no credentials were found or the call was cancelled before it was sent.
            content?.Dispose();
        }
    }

    private async Task<ImmutableCredentials> ResolveCredentialsAsync(string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw new SesException($"No AWS credentials to sign {operation}: {ex.Message}", code: null, statusCode: null, ex);
        }
    }
}
