namespace TacoMail.Smtp.Spool;

/// <summary>
/// The envelope queued beside a message (<c>queue/&lt;id&gt;.json</c>): what the SMTP conversation
/// said that the message itself does not, and each recipient's RCPT-time decision, so the delivery
/// honours exactly what was answered. Format 1.
/// </summary>
/// <param name="Format">The envelope format; 1.</param>
/// <param name="Id">The queue id, also the file names' stem.</param>
/// <param name="Sender">The envelope sender (MAIL FROM); empty for the null sender.</param>
/// <param name="ReceivedAt">When the message was accepted.</param>
/// <param name="Recipients">The accepted recipients, in RCPT order.</param>
internal sealed record SpoolEnvelope(int Format, string Id, string Sender, DateTimeOffset ReceivedAt, IReadOnlyList<SpoolRecipient> Recipients)
{
    public const int CurrentFormat = 1;
}
