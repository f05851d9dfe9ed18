using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TacoMail.Lambda.Tests.Ses;

/// <summary>
/// A real HTTP server on <c>127.0.0.1</c> standing in for SES: records every request as received
/// and answers with a scripted response, or not at all.
/// </summary>
internal sealed class LoopbackSesListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<RecordedRequest, LoopbackResponse> _respond;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource<RecordedRequest> _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LoopbackSesListener(Func<RecordedRequest, LoopbackResponse> respond)
    {
        _respond = respond;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Completes when the first request has been read in full.</summary>
    public Task<RecordedRequest> FirstRequest => _firstRequest.Task;

    public static LoopbackSesListener Start(Func<RecordedRequest, LoopbackResponse> respond) => new(respond);

    public static LoopbackSesListener Answering(int statusCode, string body) =>
        new(_ => new LoopbackResponse(statusCode, body));

    /// <summary>A port nothing listens on (free a moment ago).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var headers = request.Headers.AllKeys
            .OfType<string>()
            .ToDictionary(name => name, name => request.Headers[name] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.HttpMethod, request.RawUrl ?? "/", headers, body.ToArray());
        _requests.Enqueue(recorded);
        _firstRequest.TrySetResult(recorded);

        var answer = _respond(recorded);
        if (ReferenceEquals(answer, LoopbackResponse.Hang))
        {
            await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Response.Abort();
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
