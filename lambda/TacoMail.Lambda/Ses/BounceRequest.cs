namespace TacoMail.Lambda.Ses;

/// <summary>One SES <c>SendBounce</c> call: bounced recipients of one message, all of one bounce type.</summary>
/// <param name="OriginalMessageId">The SES message id of the received message.</param>
/// <param name="BounceSender">The From address of the bounce (the declared <c>bounce_sender</c>).</param>
/// <param name="Recipients">The envelope recipients to report.</param>
/// <param name="BounceType">
/// SES's <c>BounceType</c>: <c>DoesNotExist</c> for a disabled or unknown alias,
/// <c>MessageTooLarge</c>, <c>ContentRejected</c> for a destination that refused it for good,
/// <c>TemporaryFailure</c> for a message that stayed undeliverable for the queue lifetime.
/// </param>
/// <param name="Explanation">Text for the bounce; SES writes its own when null.</param>
internal sealed record BounceRequest(
    string OriginalMessageId,
    string BounceSender,
    IReadOnlyList<string> Recipients,
    string BounceType = BounceRequest.DoesNotExist,
    string? Explanation = null)
{
    public const string DoesNotExist = "DoesNotExist";
    public const string MessageTooLarge = "MessageTooLarge";
    public const string ContentRejected = "ContentRejected";
    public const string TemporaryFailure = "TemporaryFailure";
}
