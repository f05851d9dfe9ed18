using System.Buffers;
using System.Text;
using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Messages;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Smtp.Authentication;
using TacoMail.Smtp.Logging;
using TacoMail.Smtp.Spool;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// Tells a sender that their message was given up, as Postfix's bounce daemon does, and never
/// where that would be backscatter: a delivery status notification (the Lambda's
/// <see cref="DeliveryStatusNotification"/>) from <c>bounce_sender</c> with the null envelope
/// sender, through the smarthost, only where the declared bounce policy and the backscatter rules
/// allow one (<see cref="MessagePolicy.BounceSuppressionFor"/>), on this host's own SPF and DMARC
/// verdicts (<see cref="SenderAuthenticator"/>): under the default policy <c>authenticated</c>, only
/// a sender whose domain lets the client send for it is told; <c>always</c> tells any sender but the
/// null sender, daemons and automatic or list mail. A notice the smarthost defers (or that waits
/// for one) is queued as its own entry, with the null sender, and retried like any message; one
/// refused for good is never noticed in turn.
/// </summary>
internal sealed class SenderNotifier(SmtpRelay? relay, SenderAuthenticator authenticator, DiskSpool spool, DecisionLog log, TimeProvider time)
{
    /// <param name="run">The attempt that gave the recipients up.</param>
    /// <param name="recipients">The envelope recipients given up, as received (never their destinations).</param>
    /// <param name="reason">Why.</param>
    /// <param name="settings">The declared bounce sender and policy.</param>
    /// <param name="temporaryPath">Where the notice is assembled for sending.</param>
    /// <param name="cancellationToken">Cancels the hand-over.</param>
    /// <returns>What was done, for the envelope kept in <c>failed/</c>: sent, or why not.</returns>
    public async Task<string> NotifyAsync(
        DeliveryProgress run, IReadOnlyList<string> recipients, GiveUpReason reason, RoutingSettings settings, string temporaryPath, CancellationToken cancellationToken)
    {
        if (settings.BounceSender is not { } bounceSender)
        {
            return "no notice: no bounce_sender declared";
        }

        byte[] headers;
        MessageFacts facts;
        try
        {
            headers = await run.Message.HeaderBytesAsync(cancellationToken).ConfigureAwait(false);
            var fields = await run.Message.FieldsAsync(cancellationToken).ConfigureAwait(false);
            facts = new MessageFacts(
                run.Envelope.SenderOrNull,
                await run.VerdictsAsync(authenticator, cancellationToken).ConfigureAwait(false),
                [.. fields.Select(f => new MessageHeader(f.Name, Encoding.UTF8.GetString(f.Value).Trim()))]);
        }
        catch (MessageFormatException)
        {
            // Without its headers automatic or list mail cannot be ruled out: a notice could be backscatter.
            return "no notice: the header block cannot be read, so automatic mail cannot be ruled out";
        }

        var suppression = settings.Policy.BounceSuppressionFor(facts);
        if (suppression != BounceSuppression.None)
        {
            return $"no notice: {suppression.ToText()}";
        }

        var dsn = DeliveryStatusNotification.Create(
            bounceSender, run.Envelope.Sender, recipients, reason, AddressMask.InText(run.Diagnostic ?? reason.ToString()), run.Envelope.ReceivedAt, time.GetUtcNow(), headers);
        var sent = relay is null
            ? new RelayResult(RelayOutcome.Deferred, "no smarthost (--relay)")
            : await relay.SendAsync(ForwardedMessage.InMemory(dsn), string.Empty, run.Envelope.Sender, temporaryPath, cancellationToken).ConfigureAwait(false);
        return sent.Outcome switch
        {
            RelayOutcome.Sent => "notice sent to the sender",
            RelayOutcome.Rejected => $"notice not sent: {sent.Detail}",
            _ => await QueueAsync(run.Envelope.Sender, dsn, sent.Detail, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Hands a queued notice (an entry of <see cref="SpoolRecipient.NoticeDecision"/>) to the smarthost for the sender it tells.</summary>
    /// <param name="run">The notice's own entry: the null sender, the notice as its message.</param>
    /// <param name="sender">The sender it tells.</param>
    /// <param name="temporaryPath">Where the notice is assembled for sending.</param>
    /// <param name="cancellationToken">Cancels the hand-over.</param>
    public async Task<Served> SendQueuedAsync(DeliveryProgress run, string sender, string temporaryPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (relay is null)
        {
            return Served.Later("no smarthost (--relay): notices wait in the queue");
        }

        var notice = ForwardedMessage.WholeFile(run.Message.Path, run.Message.Length);
        var sent = await relay.SendAsync(notice, string.Empty, sender, temporaryPath, cancellationToken).ConfigureAwait(false);
        // A notice has the null sender: refused, it is kept, and nobody is told of it.
        return Served.Of(sent, RecipientFate.Notified, tell: null);
    }

    /// <summary>The notice as its own queue entry, first retried after the backoff of one attempt.</summary>
    /// <returns>What was done, for the envelope of the message given up.</returns>
    private async Task<string> QueueAsync(string sender, byte[] dsn, string deferral, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var envelope = new SpoolEnvelope(
            SpoolEnvelope.CurrentFormat, spool.NewId(), string.Empty, now, [new SpoolRecipient(sender, null, SpoolRecipient.NoticeDecision, SpoolRecipient.NoticeDecision)])
        {
            Attempts = 1,
            NextAttemptAt = now + QueueBackoff.After(1),
            LastError = AddressMask.InText(deferral),
        };
        try
        {
            await spool.QueueAsync(envelope, new ReadOnlySequence<byte>(dsn), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"notice not sent: {deferral}; and not queued: {ex.GetType().Name}";
        }

        log.Write("notice", ("id", envelope.Id), ("to", DecisionLog.Masked(sender)), ("decision", "queued"), ("reason", AddressMask.InText(deferral)));
        return $"notice deferred ({deferral}); queued as {envelope.Id} to be retried";
    }
}
