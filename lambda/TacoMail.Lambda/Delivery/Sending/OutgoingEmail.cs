using TacoMail.Lambda.Delivery.Messages;

namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>One SES v2 <c>SendEmail</c> with raw content: the alias sends <see cref="Message"/> to one destination.</summary>
/// <param name="From">The alias address (<c>FromEmailAddress</c>; its domain is verified in SES).</param>
/// <param name="To">The destination mailbox (the only envelope recipient).</param>
/// <param name="Message">The rewritten message.</param>
internal sealed record OutgoingEmail(string From, string To, ForwardedMessage Message);
