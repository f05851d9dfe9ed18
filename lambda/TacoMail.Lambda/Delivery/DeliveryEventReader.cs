using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TacoMail.Lambda.Events;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Reads a <see cref="DeliveryEvent"/> from the SES event the rule's second Lambda action sends
/// (the same shape as the disposition's), with <see cref="ReceivedMessageReader"/>'s checks.
/// </summary>
internal static class DeliveryEventReader
{
    public static bool TryRead(
        SesEvent? sesEvent,
        [NotNullWhen(true)] out DeliveryEvent? delivery,
        [NotNullWhen(false)] out string? problem)
    {
        delivery = null;
        if (!ReceivedMessageReader.TryRead(sesEvent, out var message, out problem))
        {
            return false;
        }

        var ses = sesEvent!.Records![0]!.Ses!;
        delivery = new DeliveryEvent(message, Timestamp(ses.Mail?.Timestamp) ?? Timestamp(ses.Receipt?.Timestamp));
        return true;
    }

    private static DateTimeOffset? Timestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
