using System.Text.Json;
using TacoMail.Lambda.Events;
using TacoMail.Lambda.Logging;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Disposition;

/// <summary>
/// The disposition handler as the runtime calls it: parse the event, let
/// <see cref="MessageDisposer"/> decide, write the one log line, serialize the answer. Whatever
/// goes wrong, it answers CONTINUE: the function never bounces or loses mail for its own failure.
/// </summary>
internal sealed class DispositionHandler
{
    private readonly MessageDisposer _disposer;
    private readonly TimeProvider _time;
    private readonly JsonLogWriter _log;

    public DispositionHandler(MessageDisposer disposer, TimeProvider time, JsonLogWriter log)
    {
        ArgumentNullException.ThrowIfNull(disposer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _disposer = disposer;
        _time = time;
        _log = log;
    }

    public async Task<Stream> HandleAsync(Stream request, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var started = _time.GetTimestamp();
        SesEvent? sesEvent = null;
        ReceivedMessage? message = null;
        DispositionResult result;
        using var deadline = new InvocationDeadline(context.Deadline, _time, cancellationToken);
        try
        {
            sesEvent = await JsonSerializer.DeserializeAsync(request, SesEventJsonContext.Default.SesEvent, cancellationToken).ConfigureAwait(false);
            result = ReceivedMessageReader.TryRead(sesEvent, out message, out var problem)
                ? await _disposer.ProcessAsync(message, deadline).ConfigureAwait(false)
                : DispositionResult.FailSafe(problem);
        }
        catch (JsonException ex)
        {
            result = DispositionResult.FailSafe($"malformed event: {ex.Message}");
        }
        catch (Exception ex)
        {
            // The last line of the fail-safe: a bug or a cancelled read still answers CONTINUE.
            result = DispositionResult.FailSafe($"unexpected: {ErrorText.Of(ex)}");
        }

        var duration = _time.GetElapsedTime(started);
        _log.Write(DispositionLog.Entry(result, message, ReceivedMessageReader.MessageIdOf(sesEvent), context.RequestId, duration));
        _log.WriteLines(MetricsLine.Counts(_time.GetUtcNow(), DispositionLog.Metrics(result)));
        var response = new DispositionResponse(result.Disposition);
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(response, SesEventJsonContext.Default.DispositionResponse), writable: false);
    }
}
