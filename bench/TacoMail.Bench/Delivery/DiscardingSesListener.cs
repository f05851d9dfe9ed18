using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TacoMail.Bench.Delivery;

/// <summary>
/// SES on loopback for the benchmark: reads each request to the end (as SES would), counts its
/// bytes, keeps nothing, and answers <c>SendEmail</c> with a message id.
/// </summary>
internal sealed class DiscardingSesListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _lastBodyBytes;

    public DiscardingSesListener()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        probe.Stop();
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>The size of the last request body, i.e. the JSON of the last forward.</summary>
    public long LastBodyBytes => Interlocked.Read(ref _lastBodyBytes);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
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
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var buffer = new byte[81_920];
        long total = 0;
        int read;
        while ((read = await context.Request.InputStream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        Interlocked.Exchange(ref _lastBodyBytes, total);
        var answer = Encoding.UTF8.GetBytes($$"""{"MessageId":"bench-{{Guid.NewGuid():N}}"}""");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = answer.Length;
        await context.Response.OutputStream.WriteAsync(answer);
        context.Response.Close();
    }
}
