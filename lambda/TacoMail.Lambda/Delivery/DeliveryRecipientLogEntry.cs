namespace TacoMail.Lambda.Delivery;

/// <summary>One alias (or one recipient not delivered to) in a <see cref="DeliveryLogEntry"/>.</summary>
/// <param name="Recipients">The envelope recipients as received.</param>
/// <param name="Alias">The alias they reach; null for an invalid address.</param>
/// <param name="Destination"><c>email</c> or <c>S3</c> (never the address); null when not delivered to.</param>
/// <param name="Status"><c>forwarded</c>, <c>filed</c>, <c>already-done</c>, <c>skipped</c>, <c>rejected</c>, <c>too-large</c> or <c>unresolved</c>.</param>
/// <param name="Reason">Why it was skipped, rejected or not resolved.</param>
/// <param name="SesMessageId">SES's id of the forward or of the bounce.</param>
/// <param name="MailboxKey">Where the copy was filed.</param>
internal sealed record DeliveryRecipientLogEntry(
    IReadOnlyList<string> Recipients,
    string? Alias,
    string? Destination,
    string Status,
    string? Reason,
    string? SesMessageId,
    string? MailboxKey);
