using System.Net.Http.Headers;
using System.Security.Cryptography;
using Amazon.Runtime;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Ses;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>
/// SES v2 <c>SendEmail</c> with raw content over REST JSON (<c>POST v2/email/outbound-emails</c>),
/// streamed: the JSON body is written to a temporary file while the message is base64-encoded on
/// the way, hashed from the file, signed with that hash (<see cref="SigV4RequestSigner.Sign"/>) and sent
/// from the file. Memory stays at a few buffers whatever the message size. Transport failures and
/// timeouts become <see cref="SesException"/>, like <see cref="SesHttpClient"/>'s.
/// </summary>
internal sealed class SesRawEmailSender : IRawEmailSender
{
    public const string Operation = "SendEmail";
    public const string RelativePath = "v2/email/outbound-emails";

    /// <summary>Room to upload 54 MB of JSON; the invocation's own deadline still applies.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private const string ErrorTypeHeader = "x-amzn-ErrorType";
    private const int FileBufferSize = 81_920;

    private readonly HttpClient _http;
    private readonly SesEndpoint _endpoint;
    private readonly IAwsCredentialsSource _credentials;
    private readonly TimeProvider _time;
    private readonly string _directory;
    private readonly TimeSpan _timeout;
    private readonly SigV4RequestSigner _signer;

    public SesRawEmailSender(
        HttpClient http,
        SesEndpoint endpoint,
        IAwsCredentialsSource credentials,
        TimeProvider time,
        string temporaryDirectory,
        TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(temporaryDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _http = http;
        _endpoint = endpoint;
        _credentials = credentials;
        _time = time;
        _directory = temporaryDirectory;
        _timeout = timeout;
        _signer = new SigV4RequestSigner(SesHttpClient.SigningService, endpoint.Region);
    }

    /// <summary>The sender for AWS: endpoint and region from the environment, the SDK's default credentials.</summary>
    /// <exception cref="InvalidOperationException">The environment names no usable endpoint or region.</exception>
    public static SesRawEmailSender Create(IEnvironmentVariables environment, HttpClient http, TimeProvider time, string temporaryDirectory) =>
        new(http, SesEndpoint.FromEnvironment(environment), new DefaultAwsCredentialsSource(), time, temporaryDirectory, DefaultTimeout);

    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var credentials = await ResolveCredentialsAsync(linked.Token);
            var body = new FileStream(
                Path.Combine(_directory, $"tacomail-send-{Guid.NewGuid():N}.json"),
                FileMode.CreateNew,
                FileAccess.ReadWrite,
                FileShare.None,
                FileBufferSize,
                FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            using var content = new StreamContent(body, FileBufferSize);
            await SendEmailBody.WriteAsync(email, body, linked.Token);
            body.Position = 0;
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(body, linked.Token));
            body.Position = 0;
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(SendEmailBody.ContentType);
            content.Headers.ContentLength = body.Length;

            using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint.Resolve(RelativePath)) { Content = content };
            _signer.Sign(request, credentials, _time.GetUtcNow(), hash);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var text = await response.Content.ReadAsStringAsync(linked.Token);
            var errorType = response.Headers.TryGetValues(ErrorTypeHeader, out var values) ? values.FirstOrDefault() : null;
            return SesV2Answer.Read(response.StatusCode, errorType, text, Operation);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SesException(
                $"SES did not answer {Operation} within {_timeout.TotalSeconds:0.###} s ({_endpoint.Url}).",
                code: null,
                statusCode: null,
                new TimeoutException(ex.Message, ex));
        }
        catch (HttpRequestException ex)
        {
            throw new SesException(
                $"Could not reach SES for {Operation} at {_endpoint.Url}: {ex.Message}", code: null, statusCode: (int?)ex.StatusCode, ex);
        }
    }

    private async Task<ImmutableCredentials> ResolveCredentialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _credentials.GetCredentialsAsync(cancellationToken);
        }
        catch (AmazonClientException ex)
        {
            throw new SesException($"No AWS credentials to sign {Operation}: {ex.Message}", code: null, statusCode: null, ex);
        }
    }
}
