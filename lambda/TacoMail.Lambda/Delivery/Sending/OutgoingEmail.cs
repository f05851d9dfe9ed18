using TacoMail.MailPath.Messages;

namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>One SES v2 <c>SendEmail</c> with raw content: the alias sends <see cref="Message"/> to one destination.</summary>
/// <param name="From">The alias address (<c>FromEmailAddress</c>; its domain is verified in SES).</param>
/// <param name="To">The destination mailbox (the only envelope recipient).</param>
/// <param name="Message">The rewritten message.</param>
/// <param name="FeedbackAddress">
/// Where SES sends bounces and complaints about this forward (<c>FeedbackForwardingEmailAddress</c>);
/// without it they would go to the alias itself and be forwarded again. Null: SES's default.
/// </param>
internal sealed record OutgoingEmail(string From, string To, ForwardedMessage Message, string? FeedbackAddress = null);
