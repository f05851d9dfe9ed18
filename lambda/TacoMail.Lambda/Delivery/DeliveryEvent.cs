using TacoMail.Lambda.Events;

namespace TacoMail.Lambda.Delivery;

/// <summary>What delivery takes from the SES event: the checked message and when SES received it.</summary>
/// <param name="Message">Id, envelope sender, recipients and verdicts, read as the disposition reads them.</param>
/// <param name="ReceivedAt">SES's receipt time; it names Maildir files, so a retry names them alike.</param>
internal sealed record DeliveryEvent(ReceivedMessage Message, DateTimeOffset? ReceivedAt);
