using System.Text.Json;
using TacoMail.Lambda.Delivery.Queue;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Events;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// The delivery handler as the runtime calls it. An SES event: let <see cref="MessageDeliverer"/>
/// deliver the message (queueing what cannot be delivered yet), write the one log line, answer.
/// The schedule's event: sweep the queue (<see cref="QueueSweeper"/>). The invocation fails
/// (<see cref="DeliveryFailedException"/>) only when even the queue could not record the message,
/// so that Lambda retries it and finally hands it to the dead-letter queue. A malformed event is
/// logged and answered, since no retry could make it readable.
/// </summary>
internal sealed class DeliveryHandler
{
    private readonly MessageDeliverer _deliverer;
    private readonly QueueSweeper _sweeper;
    private readonly TimeProvider _time;
    private readonly DeliveryLog _log;

    public DeliveryHandler(MessageDeliverer deliverer, QueueSweeper sweeper, TimeProvider time, DeliveryLog log)
    {
        ArgumentNullException.ThrowIfNull(deliverer);
        ArgumentNullException.ThrowIfNull(sweeper);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _deliverer = deliverer;
        _sweeper = sweeper;
        _time = time;
        _log = log;
    }

    /// <exception cref="DeliveryFailedException">A transient failure the queue could not record; the event is to be retried.</exception>
    public async Task<Stream> HandleAsync(Stream request, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var started = _time.GetTimestamp();
        using var buffer = new MemoryStream();
        await request.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (ScheduledEvent.Is(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            return await SweepAsync(context, started, cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        SesEvent? sesEvent = null;
        DeliveryResult result;
        try
        {
            sesEvent = await JsonSerializer.DeserializeAsync(buffer, SesEventJsonContext.Default.SesEvent, cancellationToken).ConfigureAwait(false);
            result = DeliveryEventReader.TryRead(sesEvent, out var delivery, out var problem)
                ? await _deliverer.DeliverAsync(delivery, cancellationToken).ConfigureAwait(false)
                : Malformed(problem);
        }
        catch (JsonException ex)
        {
            result = Malformed($"malformed event: {ex.Message}");
        }

        var messageId = ReceivedMessageReader.MessageIdOf(sesEvent);
        _log.Write(result, messageId, context.RequestId, _time.GetElapsedTime(started));
        if (result.Failure is { } failure)
        {
            throw new DeliveryFailedException(
                $"Delivery of message {messageId} failed and is to be retried: {ErrorText.Of(failure)}", failure);
        }

        var response = DeliveryLog.Response(result, messageId);
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(response, DeliveryJsonContext.Default.DeliveryResponse), writable: false);
    }

    private async Task<Stream> SweepAsync(InvocationContext context, long started, CancellationToken cancellationToken)
    {
        var sweep = await _sweeper.SweepAsync(
            context.Deadline,
            (messageId, result) => _log.Write(result, messageId, context.RequestId, _time.GetElapsedTime(started)),
            cancellationToken).ConfigureAwait(false);
        _log.Write(sweep, context.RequestId, _time.GetElapsedTime(started));
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(sweep, DeliveryJsonContext.Default.SweepResult), writable: false);
    }

    private static DeliveryResult Malformed(string problem) =>
        DeliveryResult.Nothing(DeliveryOutcome.MalformedEvent) with { Errors = [problem] };
}
