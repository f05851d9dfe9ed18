using System.Globalization;
using System.Net.Http.Headers;

namespace TacoMail.Lambda.Runtime;

/// <summary>
/// The Runtime API over one <see cref="HttpClient"/> with no timeout (<c>next</c> long-polls while
/// the environment is frozen) and no proxy (the API is always on the sandbox's loopback).
/// </summary>
internal sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    private const string NextPath = "runtime/invocation/next";
    private const string InitErrorPath = "runtime/init/error";
    private static readonly MediaTypeHeaderValue ErrorContentType = new(RuntimeApiHeaders.ErrorContentType);

    private readonly HttpClient _http;

    /// <param name="runtimeApi">The <c>AWS_LAMBDA_RUNTIME_API</c> value, <c>host:port</c>.</param>
    /// <exception cref="ArgumentException">The value is not a <c>host:port</c>.</exception>
    public RuntimeApiClient(string runtimeApi)
        : this(CreateHttpClient(RuntimeApiAddress.Parse(runtimeApi)))
    {
    }

    internal RuntimeApiClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
    }

    public async Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(NextPath, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "next", cancellationToken).ConfigureAwait(false);
        var requestId = HeaderValue(response, RuntimeApiHeaders.RequestId)
            ?? throw new RuntimeApiException($"The next invocation has no {RuntimeApiHeaders.RequestId} header.");
        var context = new InvocationContext(
            requestId,
            ParseDeadline(HeaderValue(response, RuntimeApiHeaders.DeadlineMs)),
            HeaderValue(response, RuntimeApiHeaders.FunctionArn));
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new Invocation(context, HeaderValue(response, RuntimeApiHeaders.TraceId), new MemoryStream(body, writable: false));
    }

    public async Task SendResponseAsync(string requestId, Stream response, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(response);
        using var content = await BufferedContent.CreateAsync(response, cancellationToken).ConfigureAwait(false);
        using var answer = await _http.PostAsync(InvocationPath(requestId, "response"), content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(answer, "response", cancellationToken).ConfigureAwait(false);
    }

    public Task ReportInvocationErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return PostErrorAsync(InvocationPath(requestId, "error"), error, cancellationToken);
    }

    public Task ReportInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync(InitErrorPath, error, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateHttpClient(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private static string InvocationPath(string requestId, string action) =>
        $"runtime/invocation/{Uri.EscapeDataString(requestId)}/{action}";

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>A missing or unreadable deadline means "unknown", not a failed invocation.</summary>
    private static DateTimeOffset ParseDeadline(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : DateTimeOffset.MaxValue;

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string call, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new RuntimeApiException(
            $"The Runtime API answered {call} with {(int)response.StatusCode} {response.ReasonPhrase}: {detail}",
            response.StatusCode);
    }

    private async Task PostErrorAsync(string path, RuntimeError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var content = new ByteArrayContent(RuntimeErrorDocument.ToUtf8Json(error));
        content.Headers.ContentType = ErrorContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, error.ErrorType);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "error", cancellationToken).ConfigureAwait(false);
    }
}
