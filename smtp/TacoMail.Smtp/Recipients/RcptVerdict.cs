using SmtpServer.Protocol;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;

namespace TacoMail.Smtp.Recipients;

/// <summary>The decision for one recipient at RCPT time, and the reply that carries it.</summary>
/// <param name="Recipient">The envelope recipient as received.</param>
/// <param name="Key">The alias (or reverse address) it resolved to; null for an invalid address.</param>
/// <param name="Status">What the table says.</param>
/// <param name="Outcome">What the server does.</param>
/// <param name="Response">The SMTP reply (an acceptance is SmtpServer's own 250).</param>
/// <param name="CountsAsUse">Whether the alias's <c>use_count</c> goes up (at RCPT for a refusal, once queued for an acceptance).</param>
internal sealed record RcptVerdict(
    string Recipient,
    ItemKey? Key,
    RecipientStatus Status,
    RcptOutcome Outcome,
    SmtpResponse Response,
    bool CountsAsUse)
{
    /// <summary>
    /// Postfix semantics over the mail path's own classification (<see cref="RecipientResolver"/>),
    /// so sub-addressing, quoted local parts and exact-match-first are the Lambda's:
    /// active, the feedback address, a reply to an active alias and an unreadable item (re-checked
    /// by the delivery, as the Lambda stores it) are accepted for delivery; paused and a reply to a
    /// stopped alias are accepted and dropped (never refused: a refusal would tell the sender the
    /// alias is not live); disabled, unknown and invalid are refused with 550.
    /// </summary>
    /// <remarks>
    /// A refusal here is never backscatter (the client bounces, not us), so unlike the Lambda's
    /// bounce it needs no bounce policy or sender authentication. What counts as use is the mail
    /// path's one rule (<see cref="UseCountIncrementer.CountsAsUse"/>): a refused disabled alias
    /// counts, as its bounce does in the Lambda.
    /// </remarks>
    public static RcptVerdict Of(ResolvedRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return recipient.Status switch
        {
            RecipientStatus.Active or RecipientStatus.Unreadable or RecipientStatus.Feedback or RecipientStatus.Reply => Accept(recipient, RcptOutcome.Deliver),
            RecipientStatus.Paused or RecipientStatus.ReplyStopped => Accept(recipient, RcptOutcome.Drop),
            RecipientStatus.Disabled => Refuse(recipient, SmtpReplies.Disabled),
            RecipientStatus.Unknown => Refuse(recipient, SmtpReplies.Unknown),
            RecipientStatus.InvalidAddress => Refuse(recipient, SmtpReplies.InvalidAddress),
            _ => throw new ArgumentOutOfRangeException(nameof(recipient), recipient.Status, "Undefined recipient status."),
        };
    }

    private static RcptVerdict Accept(ResolvedRecipient r, RcptOutcome outcome) =>
        new(r.Recipient, r.Key, r.Status, outcome, SmtpResponse.Ok, r.CountsAsUse);

    private static RcptVerdict Refuse(ResolvedRecipient r, SmtpResponse response) =>
        new(r.Recipient, r.Key, r.Status, RcptOutcome.Reject, response, r.CountsAsUse);
}
