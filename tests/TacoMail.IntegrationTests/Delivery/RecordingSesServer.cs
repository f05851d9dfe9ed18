using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// SES on <c>127.0.0.1</c> (no emulator exists): records every request, streaming its body to a
/// file so that the server adds nothing to the test process's memory, and answers as scripted —
/// by default <c>SendEmail</c> succeeds and <c>SendBounce</c> returns a bounce id.
/// </summary>
internal sealed class RecordingSesServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<SesCall, SesAnswer> _answer;
    private readonly ConcurrentQueue<SesCall> _calls = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("tacomail-ses-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;

    private RecordingSesServer(Func<SesCall, SesAnswer>? answer)
    {
        _answer = answer ?? Default;
        for (var attempt = 0; ; attempt++)
        {
            Endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
            _listener.Prefixes.Add(Endpoint.AbsoluteUri);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Prefixes.Clear();
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; private set; }

    public IReadOnlyList<SesCall> Calls => [.. _calls.OrderBy(c => c.Index)];

    public IReadOnlyList<SesCall> SendEmails => [.. Calls.Where(c => c.IsSendEmail)];

    public static RecordingSesServer Start(Func<SesCall, SesAnswer>? answer = null) => new(answer);

    /// <summary>The default answer: success for both operations.</summary>
    public static SesAnswer Default(SesCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.IsSendEmail ? SesAnswer.Sent(call.Index) : SesAnswer.Bounced();
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
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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
        var index = Interlocked.Increment(ref _count);
        var path = Path.Combine(_directory, $"call-{index}.body");
        await using (var file = File.Create(path))
        {
            await request.InputStream.CopyToAsync(file, 81_920);
        }

        var headers = request.Headers.AllKeys
            .OfType<string>()
            .ToDictionary(name => name, name => request.Headers[name] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var call = new SesCall(index, request.HttpMethod, request.Url?.AbsolutePath ?? "/", headers, path);
        _calls.Enqueue(call);

        var answer = _answer(call);
        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        context.Response.StatusCode = answer.StatusCode;
        context.Response.ContentType = answer.ContentType;
        if (answer.ErrorType is not null)
        {
            context.Response.Headers["x-amzn-ErrorType"] = answer.ErrorType;
        }

        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
