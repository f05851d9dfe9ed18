using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TacoMail.Testing.Ses;

/// <summary>
/// SES on <c>127.0.0.1</c> (no emulator exists), for the Lambda tests, the integration tests and the
/// benchmarks: a real HTTP server that records every request and answers as scripted — by default
/// <c>SendEmail</c> succeeds and <c>SendBounce</c> returns a bounce id (<see cref="SesAnswer.Default"/>).
/// A script returns other answers for chosen requests (failures, <see cref="SesAnswer.Hang"/>).
/// </summary>
public sealed class LoopbackSes : IAsyncDisposable
{
    private const int MaxBindAttempts = 5;

    private readonly HttpListener _listener = new();
    private readonly Func<SesRequest, SesAnswer> _answer;
    private readonly SesBodies _bodies;
    private readonly ConcurrentQueue<SesRequest> _requests = new();
    private readonly TaskCompletionSource<SesRequest> _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _directory;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _count;
    private long _lastBodyLength;

    private LoopbackSes(Func<SesRequest, SesAnswer>? answer, SesBodies bodies)
    {
        _answer = answer ?? SesAnswer.Default;
        _bodies = bodies;
        _directory = bodies == SesBodies.File ? Directory.CreateTempSubdirectory("tacomail-ses-").FullName : null;
        for (var attempt = 1; ; attempt++)
        {
            Endpoint = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
            _listener.Prefixes.Add(Endpoint.AbsoluteUri);
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < MaxBindAttempts)
            {
                _listener.Prefixes.Clear(); // the port was taken in between; try another
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The base URL, <c>http://127.0.0.1:PORT/</c>: an <c>AWS_ENDPOINT_URL_SES</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Every request, in order of arrival.</summary>
    public IReadOnlyList<SesRequest> Requests => [.. _requests.OrderBy(r => r.Index)];

    public IReadOnlyList<SesRequest> SendEmails => [.. Requests.Where(r => r.IsSendEmail)];

    /// <summary>Completes when the first request has been read in full.</summary>
    public Task<SesRequest> FirstRequest => _firstRequest.Task;

    /// <summary>The body length of the last request (the JSON of the last forward).</summary>
    public long LastBodyLength => Interlocked.Read(ref _lastBodyLength);

    /// <param name="answer">The answer to each request; null for <see cref="SesAnswer.Default"/>.</param>
    /// <param name="bodies">What to keep of the bodies.</param>
    public static LoopbackSes Start(Func<SesRequest, SesAnswer>? answer = null, SesBodies bodies = SesBodies.InMemory) => new(answer, bodies);

    /// <summary>A server that gives every request the same answer.</summary>
    public static LoopbackSes Answering(SesAnswer answer) => new(_ => answer, SesBodies.InMemory);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _stop.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
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

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var index = Interlocked.Increment(ref _count);
        var (length, body, path) = await ReadBodyAsync(request.InputStream, index);
        Interlocked.Exchange(ref _lastBodyLength, length);
        var headers = request.Headers.AllKeys
            .OfType<string>()
            .ToDictionary(name => name, name => request.Headers[name] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        var recorded = new SesRequest(index, request.HttpMethod, request.RawUrl ?? "/", headers, length, body, path);
        _requests.Enqueue(recorded);
        _firstRequest.TrySetResult(recorded);

        var answer = _answer(recorded);
        if (ReferenceEquals(answer, SesAnswer.Hang))
        {
            await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            context.Response.Abort();
            return;
        }

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

    private async Task<(long Length, byte[]? Body, string? Path)> ReadBodyAsync(Stream input, int index)
    {
        switch (_bodies)
        {
            case SesBodies.File:
                var path = Path.Combine(_directory!, $"request-{index}.body");
                await using (var file = File.Create(path))
                {
                    await input.CopyToAsync(file, 81_920);
                }

                return (new FileInfo(path).Length, null, path);
            case SesBodies.Discard:
                var buffer = new byte[81_920];
                long total = 0;
                int read;
                while ((read = await input.ReadAsync(buffer)) > 0)
                {
                    total += read;
                }

                return (total, null, null);
            default:
                using (var memory = new MemoryStream())
                {
                    await input.CopyToAsync(memory);
                    return (memory.Length, memory.ToArray(), null);
                }
        }
    }
}
