namespace TacoMail.Lambda.Ses;

/// <summary>One SES <c>SendBounce</c> call: every bounced recipient of one message.</summary>
/// <param name="OriginalMessageId">The SES message id of the received message.</param>
/// <param name="BounceSender">The From address of the bounce (<c>TACOMAIL_BOUNCE_SENDER</c>).</param>
/// <param name="Recipients">The envelope recipients to report as <c>DoesNotExist</c>.</param>
internal sealed record BounceRequest(string OriginalMessageId, string BounceSender, IReadOnlyList<string> Recipients);
