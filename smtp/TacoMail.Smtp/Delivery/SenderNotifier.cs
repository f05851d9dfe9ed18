using System.Text;
using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Messages;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Smtp.Authentication;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// Tells a sender that their message was given up, as Postfix's bounce daemon does, and never
/// where that would be backscatter: a delivery status notification (the Lambda's
/// <see cref="DeliveryStatusNotification"/>) from <c>bounce_sender</c> with the null envelope
/// sender, through the smarthost, only where the declared bounce policy and the backscatter rules
/// allow one (<see cref="MessagePolicy.BounceSuppressionFor"/>), on this host's own SPF and DMARC
/// verdicts (<see cref="SenderAuthenticator"/>): under the default policy <c>authenticated</c>, only
/// a sender whose domain lets the client send for it is told; <c>always</c> tells any sender but the
/// null sender, daemons and automatic or list mail.
/// </summary>
internal sealed class SenderNotifier(SmtpRelay? relay, SenderAuthenticator authenticator, TimeProvider time)
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

        if (relay is null)
        {
            return "no notice: no smarthost (--relay)";
        }

        var dsn = DeliveryStatusNotification.Create(
            bounceSender, run.Envelope.Sender, recipients, reason, AddressMask.InText(run.Diagnostic ?? reason.ToString()), run.Envelope.ReceivedAt, time.GetUtcNow(), headers);
        var sent = await relay.SendAsync(ForwardedMessage.InMemory(dsn), string.Empty, run.Envelope.Sender, temporaryPath, cancellationToken)
            .ConfigureAwait(false);
        return sent.Outcome == RelayOutcome.Sent ? "notice sent to the sender" : $"notice not sent: {sent.Detail}";
    }
}
