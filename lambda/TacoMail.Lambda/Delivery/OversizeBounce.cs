namespace TacoMail.Lambda.Delivery;

/// <summary>What became of the bounce for a message too large to forward.</summary>
/// <param name="Reason">For the reports: <c>bounced to the sender</c> or why the bounce was withheld.</param>
/// <param name="BounceMessageId">SES's id of the bounce, when one was sent.</param>
internal sealed record OversizeBounce(string Reason, string? BounceMessageId);
