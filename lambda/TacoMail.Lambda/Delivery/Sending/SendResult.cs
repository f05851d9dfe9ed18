namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>
/// SES's final answer to one send: accepted (<see cref="MessageId"/>), or rejected for good
/// (<see cref="RejectionCode"/>, e.g. <c>MessageRejected</c>), which no retry would change.
/// Transient failures are exceptions instead, so the invocation fails and Lambda retries it.
/// </summary>
internal sealed record SendResult(string? MessageId, string? RejectionCode, string? RejectionMessage)
{
    public bool IsSent => MessageId is not null;

    public static SendResult Sent(string messageId) => new(messageId, null, null);

    public static SendResult Rejected(string code, string? message) => new(null, code, message);
}
