namespace TacoMail.Lambda.Delivery.Failure;

/// <summary>What became of telling the sender.</summary>
/// <param name="Reason">For the reports: what was sent, or why nothing was.</param>
/// <param name="MessageId">SES's id of the bounce or notification, when one was sent.</param>
internal sealed record SenderNotice(string Reason, string? MessageId);
