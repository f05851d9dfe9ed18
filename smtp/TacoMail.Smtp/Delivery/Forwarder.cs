using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Replies;
using TacoMail.Schema.Settings;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// Forwards a message to an alias's e-mail destination through the smarthost, with the Lambda's
/// header rewrite: From the alias, the loop trace, and a Reply-To through the correspondent's
/// reverse address (created on first contact), so the owner's reply goes out from the alias
/// (<see cref="ReplySender"/>). A message that has passed through the alias before is kept, never
/// sent on and never bounced: either would feed the loop.
/// </summary>
internal sealed class Forwarder(ReverseAliasStore reverses, SmtpRelay? relay)
{
    /// <param name="run">The attempt, with the message and its envelope.</param>
    /// <param name="alias">The alias address, <c>local@domain</c>.</param>
    /// <param name="destination">Its e-mail destination.</param>
    /// <param name="settings">The declared feedback address (the forward's envelope sender when declared).</param>
    /// <param name="temporaryPath">A new path in the spool's <c>tmp/</c> for the message as sent.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    public async Task<Served> ForwardAsync(
        DeliveryProgress run, string alias, string destination, RoutingSettings settings, string temporaryPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(settings);
        ForwardedMessage forward;
        try
        {
            if (await run.Message.LoopThroughAsync(alias, cancellationToken).ConfigureAwait(false) is { } loop)
            {
                return new(RecipientFate.Failed, $"{loop}; the sender is not told of a loop");
            }

            if (relay is null)
            {
                return Served.Later("no smarthost (--relay): forwards wait in the queue");
            }

            var fields = await run.Message.FieldsAsync(cancellationToken).ConfigureAwait(false);
            var reverse = await reverses.ReplyToAsync(alias, fields, run.Envelope.SenderOrNull, cancellationToken).ConfigureAwait(false);
            forward = await run.Message.ForwardForAsync(alias, run.Envelope.SenderOrNull, reverse, cancellationToken).ConfigureAwait(false);
        }
        catch (MessageFormatException ex)
        {
            return new(RecipientFate.Failed, ex.Message, GiveUpReason.Rejected);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The table refused the reverse address (or its items are damaged): nothing is sent without it.
            return Served.Later($"reverse address not made: {ex.GetType().Name}");
        }

        // Reports about the forward go to the feedback address (filed, never forwarded), as SES's FeedbackForwardingEmailAddress.
        var result = await relay.SendAsync(forward, settings.FeedbackAddress ?? alias, destination, temporaryPath, cancellationToken).ConfigureAwait(false);
        return Served.Of(result, RecipientFate.Forwarded, GiveUpReason.Rejected);
    }
}
