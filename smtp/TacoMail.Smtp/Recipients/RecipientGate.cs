using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Addresses;
using TacoMail.Smtp.Logging;

namespace TacoMail.Smtp.Recipients;

/// <summary>
/// Decides each <c>RCPT TO</c> during the conversation, as Postfix did with its virtual alias
/// maps: one <see cref="RecipientResolver"/> call per recipient (the Lambda's pipeline, so the
/// same address routes the same way on both hosts), then <see cref="RcptVerdict.Of"/>. A table
/// that cannot be read defers (451 4.3.0) and never rejects: the sender retries, nothing is lost.
/// Also enforces the recipient limit and the declared size at <c>MAIL FROM</c>.
/// </summary>
/// <remarks>
/// Replies other than a plain 250 are thrown as <see cref="SmtpResponseException"/>, which the
/// session writes as they are; returning false would only ever give SmtpServer's own 550 text.
/// </remarks>
internal sealed class RecipientGate(
    RecipientResolver resolver,
    UseCountIncrementer incrementer,
    SmtpLimits limits,
    DecisionLog log,
    TimeProvider time) : IMailboxFilter
{
    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        SessionRecipients.Of(context).Reset();
        if (size > limits.MaxMessageSize)
        {
            log.Write("mail-refused", ("session", context.SessionId.ToString("N")), ("reason", "size"), ("size", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            throw new SmtpResponseException(SmtpReplies.TooLarge);
        }

        return Task.FromResult(true);
    }

    public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(to);
        var session = SessionRecipients.Of(context);
        var address = to.AsAddress();
        var sessionId = context.SessionId.ToString("N");
        if (session.Accepted.Count >= limits.MaxRecipients)
        {
            log.Write("rcpt", ("session", sessionId), ("to", DecisionLog.Masked(address)), ("decision", "deferred"), ("reason", "too-many-recipients"));
            throw new SmtpResponseException(SmtpReplies.TooManyRecipients);
        }

        RcptVerdict verdict;
        try
        {
            using var timeout = new CancellationTokenSource(limits.LookupTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var resolution = await resolver.ResolveAsync([address], linked.Token).ConfigureAwait(false);
            verdict = RcptVerdict.Of(resolution.Recipients[0]);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Without the table nothing may be refused: a deferral makes the sender try again later.
            log.Write("rcpt", ("session", sessionId), ("to", DecisionLog.Masked(address)), ("decision", "deferred"), ("reason", "lookup-failed"), ("error", ex.GetType().Name));
            throw new SmtpResponseException(SmtpReplies.LookupFailed);
        }

        log.Write(
            "rcpt",
            ("session", sessionId),
            ("to", DecisionLog.Masked(address)),
            ("alias", verdict.Key is { } key ? DecisionLog.Masked(key.FullAddress) : null),
            ("status", verdict.Status.ToString()),
            ("decision", verdict.Outcome.ToString().ToLowerInvariant()));
        if (verdict.Outcome == RcptOutcome.Reject)
        {
            if (verdict.CountsAsUse && verdict.Key is { } used)
            {
                foreach (var error in await incrementer.IncrementAsync([used], cancellationToken).ConfigureAwait(false))
                {
                    log.Write("use-count-failed", ("session", sessionId), ("error", AddressMask.InText(error)));
                }
            }

            throw new SmtpResponseException(verdict.Response);
        }

        session.Accept(verdict);
        return true;
    }
}
