using TacoMail.Lambda.Delivery.Messages;
using TacoMail.Lambda.Events;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Replies;
using TacoMail.Schema.Replies;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Whether mail to a reverse address may go out as the owner's reply: not a loop through the
/// alias, a readable message, and <see cref="ReplyAuthentication"/>'s proof that the alias's
/// destination sent it. A refusal is a drop (<see cref="DeliveryStatus.Skipped"/>, never a
/// bounce) or, for a loop, the message kept like a looping forward.
/// </summary>
internal static class ReplyCheck
{
    /// <returns>The header fields when the reply may be sent; otherwise the status and reason to report.</returns>
    public static async Task<(IReadOnlyList<HeaderField>? Fields, DeliveryStatus Status, string? Reason)> CheckAsync(
        StoredMessage stored, ReverseAliasRecord reverse, ReceivedMessage message, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(reverse);
        ArgumentNullException.ThrowIfNull(message);
        IReadOnlyList<HeaderField> fields;
        try
        {
            fields = await stored.FieldsAsync(cancellationToken).ConfigureAwait(false);
            if (await stored.LoopThroughAsync(reverse.Alias, cancellationToken).ConfigureAwait(false) is { } loop)
            {
                return (null, DeliveryStatus.Looped, loop);
            }
        }
        catch (MessageFormatException exception)
        {
            return (null, DeliveryStatus.Skipped, $"reply dropped: {exception.Message}");
        }

        return ReplyAuthentication.Refusal(message.Source, fields, message.Verdicts, destination) is { } refusal
            ? (null, DeliveryStatus.Skipped, $"reply dropped: {refusal}")
            : (fields, DeliveryStatus.Replied, null);
    }
}
