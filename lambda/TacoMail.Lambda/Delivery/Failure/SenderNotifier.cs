using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Events;
using TacoMail.Lambda.Ses;
using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Messages;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Lambda.Delivery.Failure;

/// <summary>
/// Tells the sender that delivery stopped, as Postfix does, and never where that would be
/// backscatter (the same rules as the disposition: <see cref="MessagePolicy.BounceSuppressionFor"/>).
/// Within SES's 24-hour window after receipt it is SES's own <c>SendBounce</c> with the matching
/// <c>BounceType</c>; after it, a delivery status notification sent from <c>bounce_sender</c>.
/// </summary>
internal sealed class SenderNotifier
{
    /// <summary>How long after receipt SES accepts a <c>SendBounce</c> for a message.</summary>
    public static readonly TimeSpan SendBounceWindow = TimeSpan.FromHours(24);

    private readonly ISesBounceSender _bounces;
    private readonly IRawEmailSender _sender;
    private readonly TimeProvider _time;

    public SenderNotifier(ISesBounceSender bounces, IRawEmailSender sender, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(bounces);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(time);
        _bounces = bounces;
        _sender = sender;
        _time = time;
    }

    /// <returns>What was done, for the reports: <c>bounced to the sender</c>, or why nothing was sent.</returns>
    /// <exception cref="SesException">SES refused or could not be reached: the caller retries.</exception>
    public async Task<SenderNotice> NotifyAsync(
        ReceivedMessage message,
        DateTimeOffset receivedAt,
        IReadOnlyList<string> recipients,
        GiveUpReason reason,
        string diagnostic,
        RoutingSettings settings,
        byte[]? originalHeaders,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.BounceSender is not { } bounceSender)
        {
            return new SenderNotice("bounce suppressed: no bounce sender configured", null);
        }

        var suppression = settings.Policy.BounceSuppressionFor(message.Facts);
        if (suppression != BounceSuppression.None)
        {
            return new SenderNotice($"bounce suppressed: {suppression.ToText()}", null);
        }

        var now = _time.GetUtcNow();
        if (now - receivedAt < SendBounceWindow)
        {
            var request = new BounceRequest(message.MessageId, bounceSender, recipients, BounceType(reason), Explanation(reason));
            var id = await _bounces.SendBounceAsync(request, cancellationToken).ConfigureAwait(false);
            return new SenderNotice("bounced to the sender", id);
        }

        var dsn = DeliveryStatusNotification.Create(
            bounceSender, message.Source!, recipients, reason, diagnostic, receivedAt, now, originalHeaders);
        var email = new OutgoingEmail(bounceSender, message.Source!, ForwardedMessage.InMemory(dsn));
        var result = await _sender.SendAsync(email, cancellationToken).ConfigureAwait(false);
        return result.IsSent
            ? new SenderNotice("delivery status notification sent to the sender", result.MessageId)
            : new SenderNotice($"delivery status notification refused by SES: {result.RejectionCode}", null);
    }

    private static string BounceType(GiveUpReason reason) => reason switch
    {
        GiveUpReason.TooLarge => BounceRequest.MessageTooLarge,
        GiveUpReason.Rejected => BounceRequest.ContentRejected,
        GiveUpReason.Expired => BounceRequest.TemporaryFailure,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Undefined reason."),
    };

    private static string Explanation(GiveUpReason reason) => reason switch
    {
        GiveUpReason.TooLarge => "The message is larger than the 40 MB that can be forwarded; it was kept, not delivered.",
        GiveUpReason.Rejected => "The mailbox this address forwards to refused the message; it was kept, not delivered.",
        GiveUpReason.Expired => "The message stayed undeliverable for the queue lifetime; it was kept, not delivered.",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Undefined reason."),
    };
}
