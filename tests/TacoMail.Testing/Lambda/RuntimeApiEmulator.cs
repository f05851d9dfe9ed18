using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;

namespace TacoMail.Testing.Lambda;

/// <summary>
/// The Lambda Runtime API (2018-06-01) on a free loopback port, for tests and the cold-start
/// benchmark: hands out queued events on <c>next</c> (long-polling while the queue is empty) and
/// records what the runtime posts back. Header names are spelled here, not shared with the code
/// under test, so a typo there fails a test. Deadlines and timestamps come from its clock: the
/// system's for a runtime in another process, the test's fake one for a runtime in the test.
/// </summary>
public sealed class RuntimeApiEmulator : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";

    private readonly HttpListener _listener;
    private readonly Channel<EmulatedEvent> _events = Channel.CreateUnbounded<EmulatedEvent>();
    private readonly ConcurrentDictionary<string, bool> _handedOut = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<EmulatorRecord>> _outcomes = new();
    private readonly TaskCompletionSource<EmulatorRecord> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<EmulatorRecord> _records = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly AwaitableCount _polls = new();
    private readonly TimeProvider _clock;
    private readonly Task _serving;
    private long _firstPollTimestamp;
    private int _disposed;

    private RuntimeApiEmulator(HttpListener listener, int port, TimeProvider clock)
    {
        _listener = listener;
        _clock = clock;
        Address = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The <c>host:port</c> to put in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    /// <summary>How many <c>next</c> calls arrived (an idle runtime has one outstanding).</summary>
    public int PollCount => _polls.Value;

    /// <summary>When the first <c>next</c> call arrived (the runtime finished its init), as the clock's timestamp; 0 before.</summary>
    public long FirstPollTimestamp => Interlocked.Read(ref _firstPollTimestamp);

    /// <summary>Responses, errors and init errors in order of arrival.</summary>
    public IReadOnlyList<EmulatorRecord> Records => [.. _records];

    /// <summary>Starts an emulator on the system clock, for a runtime in another process.</summary>
    public static RuntimeApiEmulator Start() => Start(TimeProvider.System);

    public static RuntimeApiEmulator Start(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        for (var attempt = 1; ; attempt++)
        {
            var port = LoopbackPort.Free();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return new RuntimeApiEmulator(listener, port, clock);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close(); // the port was taken in between; try another
            }
        }
    }

    public void Enqueue(EmulatedEvent invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        Outcome(invocation.RequestId);
        _events.Writer.TryWrite(invocation);
    }

    /// <summary>The response or error posted for <paramref name="requestId"/>.</summary>
    public Task<EmulatorRecord> WaitForOutcomeAsync(string requestId, TimeSpan timeout) =>
        Outcome(requestId).Task.WaitAsync(timeout);

    public Task<EmulatorRecord> WaitForInitErrorAsync(TimeSpan timeout) => _initError.Task.WaitAsync(timeout);

    /// <summary>Completes once <paramref name="count"/> <c>next</c> calls have arrived (the last one may still be waiting).</summary>
    public Task WaitForPollsAsync(int count, CancellationToken cancellationToken) => _polls.WaitForAsync(count, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Close();
        await _serving;
        _stopping.Dispose();
    }

    private TaskCompletionSource<EmulatorRecord> Outcome(string requestId) =>
        _outcomes.GetOrAdd(requestId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ServeAsync()
    {
        var inFlight = new List<Task>();
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                inFlight.Add(HandleAsync(await _listener.GetContextAsync()));
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }
        }

        await Task.WhenAll(inFlight);
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url?.AbsolutePath ?? string.Empty;
        try
        {
            if (request.HttpMethod == "GET" && path == Prefix + "invocation/next")
            {
                await NextAsync(context.Response);
            }
            else if (request.HttpMethod == "POST" && path == Prefix + "init/error")
            {
                _initError.TrySetResult(await RecordAsync(request, EmulatorRecord.InitError, requestId: null));
                Answer(context.Response, HttpStatusCode.Accepted);
            }
            else if (request.HttpMethod == "POST" && path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal))
            {
                await PostedAsync(context, path[(Prefix.Length + "invocation/".Length)..]);
            }
            else
            {
                Answer(context.Response, HttpStatusCode.NotFound);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            context.Response.Abort(); // stopping, or the runtime went away
        }
    }

    private async Task NextAsync(HttpListenerResponse response)
    {
        Interlocked.CompareExchange(ref _firstPollTimestamp, _clock.GetTimestamp(), 0);
        _polls.Increment();
        var invocation = await _events.Reader.ReadAsync(_stopping.Token);
        _handedOut[invocation.RequestId] = true;
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        if ((invocation.Deadline ?? _clock.GetUtcNow() + invocation.TimeLeft) is { } deadline)
        {
            response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        }

        if (invocation.FunctionArn is { } arn)
        {
            response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = arn;
        }

        if (invocation.TraceId is { } traceId)
        {
            response.Headers["Lambda-Runtime-Trace-Id"] = traceId;
        }

        response.ContentType = "application/json";
        response.ContentLength64 = invocation.Body.Length;
        await response.OutputStream.WriteAsync(invocation.Body, _stopping.Token);
        response.Close();
    }

    /// <summary><c>{id}/response</c> or <c>{id}/error</c>; an id never handed out gets 400, as in Lambda.</summary>
    private async Task PostedAsync(HttpListenerContext context, string rest)
    {
        var slash = rest.LastIndexOf('/');
        var requestId = slash > 0 ? Uri.UnescapeDataString(rest[..slash]) : string.Empty;
        var kind = slash > 0 ? rest[(slash + 1)..] : string.Empty;
        if (kind is not (EmulatorRecord.Response or EmulatorRecord.Error))
        {
            Answer(context.Response, HttpStatusCode.NotFound);
            return;
        }

        if (!_handedOut.TryRemove(requestId, out _))
        {
            Answer(context.Response, HttpStatusCode.BadRequest);
            return;
        }

        Outcome(requestId).TrySetResult(await RecordAsync(context.Request, kind, requestId));
        Answer(context.Response, HttpStatusCode.Accepted);
    }

    private async Task<EmulatorRecord> RecordAsync(HttpListenerRequest request, string kind, string? requestId)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body, _stopping.Token);
        var record = new EmulatorRecord(
            kind,
            requestId,
            body.ToArray(),
            request.ContentType,
            request.Headers["Lambda-Runtime-Function-Error-Type"],
            _clock.GetTimestamp());
        _records.Enqueue(record);
        return record;
    }

    private static void Answer(HttpListenerResponse response, HttpStatusCode status)
    {
        response.StatusCode = (int)status;
        response.ContentLength64 = 0;
        response.Close();
    }
}
