using TacoMail.Lambda.Events;
using TacoMail.MailPath.Delivery;
using TacoMail.Schema.Queue;

namespace TacoMail.Lambda.Delivery.Queue;

/// <summary>The queue entry of an SES event, and the event a queued entry stands for, so both attempts read alike.</summary>
internal static class QueueEntries
{
    /// <summary>
    /// The entry written before the first attempt. It is due for the sweep only if this very
    /// attempt dies without recording anything.
    /// </summary>
    public static QueueEntry For(DeliveryEvent delivery, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Message;
        return new QueueEntry(
            message.MessageId,
            delivery.ReceivedAt ?? now,
            message.Source,
            message.Recipients,
            message.Verdicts,
            QueueEntry.RoutingHeaders(message.Headers),
            QueueEntryState.Queued,
            0,
            now + QueueBackoff.Minimal,
            null);
    }

    public static DeliveryEvent EventOf(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new DeliveryEvent(
            new ReceivedMessage(entry.MessageId, entry.EnvelopeSender, entry.Recipients, entry.Verdicts, entry.Headers),
            entry.ReceivedAt);
    }
}
