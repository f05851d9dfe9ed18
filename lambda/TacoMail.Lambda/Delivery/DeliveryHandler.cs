using System.Text.Json;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Events;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// The delivery handler as the runtime calls it: parse the SES event, let
/// <see cref="MessageDeliverer"/> deliver, write the one log line, answer. Unlike the disposition
/// it fails the invocation on a transient error (<see cref="DeliveryFailedException"/>): the
/// message is safe in S3 and Lambda's retry of the async event finishes the job. A malformed
/// event is logged and answered, since no retry could make it readable.
/// </summary>
internal sealed class DeliveryHandler
{
    private readonly MessageDeliverer _deliverer;
    private readonly TimeProvider _time;
    private readonly DeliveryLog _log;

    public DeliveryHandler(MessageDeliverer deliverer, TimeProvider time, DeliveryLog log)
    {
        ArgumentNullException.ThrowIfNull(deliverer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        _deliverer = deliverer;
        _time = time;
        _log = log;
    }

    /// <exception cref="DeliveryFailedException">A transient failure; the event is to be retried.</exception>
    public async Task<Stream> HandleAsync(Stream request, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var started = _time.GetTimestamp();
        SesEvent? sesEvent = null;
        DeliveryResult result;
        try
        {
            sesEvent = await JsonSerializer.DeserializeAsync(request, SesEventJsonContext.Default.SesEvent, cancellationToken);
            result = DeliveryEventReader.TryRead(sesEvent, out var delivery, out var problem)
                ? await _deliverer.DeliverAsync(delivery, cancellationToken)
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

    private static DeliveryResult Malformed(string problem) =>
        DeliveryResult.Nothing(DeliveryOutcome.MalformedEvent) with { Errors = [problem] };
}
