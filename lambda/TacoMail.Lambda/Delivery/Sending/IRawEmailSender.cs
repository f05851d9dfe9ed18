using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>Sends forwards through SES; behind an interface so the delivery rules are tested without HTTP.</summary>
internal interface IRawEmailSender
{
    /// <exception cref="SesException">SES could not be reached, throttled, failed (5xx) or refused for a reason a retry may fix.</exception>
    Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
