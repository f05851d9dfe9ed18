using System.Net.Http.Headers;
using System.Security.Cryptography;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Ses;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>
/// SES v2 <c>SendEmail</c> with raw content over REST JSON (<c>POST v2/email/outbound-emails</c>),
/// streamed: the JSON body is written to a temporary file while the message is base64-encoded on
/// the way, hashed from the file, and sent from the file through <see cref="SesHttpClient"/> with that
/// hash, so the body is never buffered. Memory stays at a few buffers whatever the message size.
/// Transport failures and timeouts become <see cref="SesException"/>, as for every SES call.
/// </summary>
internal sealed class SesRawEmailSender : IRawEmailSender
{
    public const string Operation = "SendEmail";
    public const string RelativePath = "v2/email/outbound-emails";

    /// <summary>Room to upload 54 MB of JSON; the invocation's own deadline still applies.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private const int FileBufferSize = 81_920;

    private readonly SesHttpClient _client;
    private readonly string _directory;

    public SesRawEmailSender(
        HttpClient http,
        SesEndpoint endpoint,
        IAwsCredentialsSource credentials,
        TimeProvider time,
        string temporaryDirectory,
        TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(temporaryDirectory);
        _client = new SesHttpClient(http, endpoint, credentials, time, timeout);
        _directory = temporaryDirectory;
    }

    /// <summary>The sender for AWS: endpoint and region from the environment, the SDK's default credentials.</summary>
    /// <exception cref="InvalidOperationException">The environment names no usable endpoint or region.</exception>
    public static SesRawEmailSender Create(IEnvironmentVariables environment, HttpClient http, TimeProvider time, string temporaryDirectory) =>
        new(http, SesEndpoint.FromEnvironment(environment), new DefaultAwsCredentialsSource(), time, temporaryDirectory, DefaultTimeout);

    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var body = new FileStream(
            Path.Combine(_directory, $"{TemporaryFiles.RequestPrefix}{Guid.NewGuid():N}{TemporaryFiles.RequestSuffix}"),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            FileBufferSize,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var content = new StreamContent(body, FileBufferSize);
        string hash;
        try
        {
            await SendEmailBody.WriteAsync(email, body, cancellationToken).ConfigureAwait(false);
            body.Position = 0;
            hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(body, cancellationToken).ConfigureAwait(false));
            body.Position = 0;
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(SendEmailBody.ContentType);
            content.Headers.ContentLength = body.Length;
        }
        catch
        {
            content.Dispose();
            throw;
        }

        // The client owns the content (and so the file) from here on.
        var response = await _client.SendAsync(HttpMethod.Post, RelativePath, content, hash, Operation, cancellationToken).ConfigureAwait(false);
        return SesV2Answer.Read(response.StatusCode, response.ErrorType, response.Body, Operation);
    }
}
