namespace TacoMail.Smtp.Recipients;

/// <summary>What the server does with one <c>RCPT TO</c>.</summary>
internal enum RcptOutcome
{
    /// <summary>250; the message is queued for delivery to this recipient.</summary>
    Deliver,

    /// <summary>250; the message is accepted and silently dropped for this recipient (a paused alias, a stopped reply address).</summary>
    Drop,

    /// <summary>550 during the conversation: the sending server bounces, so no backscatter is possible.</summary>
    Reject,
}
