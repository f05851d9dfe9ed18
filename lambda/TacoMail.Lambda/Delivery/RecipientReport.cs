namespace TacoMail.Lambda.Delivery;

/// <summary>One line of the delivery's account: who, where to, what happened and why.</summary>
/// <param name="Recipients">The envelope recipients as received.</param>
/// <param name="Alias">The alias they reach (<c>local@domain</c>); null for an invalid address.</param>
/// <param name="Destination"><c>email</c> or <c>S3</c> for a delivered alias; null otherwise.</param>
/// <param name="Status">What happened.</param>
/// <param name="Reason">Why it was skipped, rejected or unresolved (never the message's content).</param>
/// <param name="SesMessageId">SES's id of the forward, or of the bounce.</param>
/// <param name="MailboxKey">The object key of the filed copy.</param>
internal sealed record RecipientReport(
    IReadOnlyList<string> Recipients,
    string? Alias,
    string? Destination,
    DeliveryStatus Status,
    string? Reason = null,
    string? SesMessageId = null,
    string? MailboxKey = null)
{
    /// <summary>The object must stay in S3 after this recipient.</summary>
    public bool KeepsObject => Status is DeliveryStatus.Rejected or DeliveryStatus.TooLarge or DeliveryStatus.Looped;
}
