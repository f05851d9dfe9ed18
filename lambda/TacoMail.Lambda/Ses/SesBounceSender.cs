using TacoMail.Lambda.Hosting;

namespace TacoMail.Lambda.Ses;

/// <summary>
/// Bounces mail for disabled or unknown aliases through SES v1 <c>SendBounce</c> over the Query
/// API (the SES SDK is not available here): one call per message, listing every bounced recipient.
/// </summary>
internal sealed class SesBounceSender : ISesBounceSender
{
    private const string ResultElement = "MessageId";

    private readonly SesHttpClient _client;
    private readonly string? _explanation;

    /// <param name="client">The signed SES transport.</param>
    /// <param name="explanation">Text for the bounce; SES writes its own when null.</param>
    public SesBounceSender(SesHttpClient client, string? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _explanation = explanation;
    }

    /// <summary>The sender for AWS: endpoint and region from the environment, default credentials.</summary>
    /// <exception cref="InvalidOperationException">The environment names no usable endpoint or region.</exception>
    public static SesBounceSender Create(IEnvironmentVariables environment, HttpClient http, TimeProvider time) =>
        new(SesHttpClient.Create(environment, http, time));

    public async Task<string> SendBounceAsync(BounceRequest request, CancellationToken cancellationToken)
    {
        var fields = SendBounceForm.Fields(request, _explanation);
        var response = await _client.SendAsync(
            HttpMethod.Post,
            relativePath: string.Empty,
            SesQueryForm.ToContent(fields),
            SendBounceForm.Action,
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw SesQueryXml.ToException(response, SendBounceForm.Action);
        }

        return SesQueryXml.ReadResult(response, SendBounceForm.Action, ResultElement);
    }
}
