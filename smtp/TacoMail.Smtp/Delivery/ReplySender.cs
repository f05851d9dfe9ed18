using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Replies;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Smtp.Authentication;
using TacoMail.Smtp.Logging;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// Mail to a reverse address, as the Lambda serves it: the owner's reply goes to the correspondent
/// from the alias once <see cref="ReplyCheck"/> has this host's own SPF, DKIM and DMARC verdicts
/// (<see cref="SenderAuthenticator"/>) proving the alias's destination sent it. What is not proven
/// is kept in <c>failed/</c> and never bounced: its sender is exactly who is not proven. Where DNS
/// could not be read, nothing is decided yet: the reply waits in the queue like any deferral.
/// </summary>
internal sealed class ReplySender(SenderAuthenticator authenticator, ReverseAliasStore reverses, SmtpRelay? relay, DecisionLog log)
{
    /// <param name="run">The attempt, with the message and its envelope.</param>
    /// <param name="reverse">The reverse address the message was sent to.</param>
    /// <param name="destination">The alias's destination as it is now: the only address that may reply.</param>
    /// <param name="settings">The declared feedback address (the reply's envelope sender when declared).</param>
    /// <param name="temporaryPath">Makes a new path in the spool's <c>tmp/</c> for each file the send needs.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    public async Task<Served> SendAsync(
        DeliveryProgress run, ReverseAliasRecord reverse, string destination, RoutingSettings settings, Func<string> temporaryPath, CancellationToken cancellationToken)
    {
        var verdicts = await run.VerdictsAsync(authenticator, cancellationToken).ConfigureAwait(false);
        var decision = await ReplyCheck.CheckAsync(run.Message, reverse, run.Envelope.SenderOrNull, verdicts, destination, cancellationToken)
            .ConfigureAwait(false);
        if (decision.Loop is { } loop)
        {
            return new(RecipientFate.Failed, $"{loop}; the sender is not told of a loop");
        }

        if (decision.Fields is not { } fields)
        {
            return await WouldPassOnceCheckedAsync(run, reverse, verdicts, destination, cancellationToken).ConfigureAwait(false)
                ? Served.Later($"reply not proven yet, DNS could not be read: {decision.Refusal}")
                : new(RecipientFate.Failed, $"reply not sent: {decision.Refusal}; kept, never bounced");
        }

        if (relay is null)
        {
            return Served.Later("no smarthost (--relay): replies wait in the queue");
        }

        ComposedReply composed;
        try
        {
            composed = await ComposedReply.ComposeAsync(run.Message, fields, reverse, destination, temporaryPath(), cancellationToken).ConfigureAwait(false);
        }
        catch (MessageFormatException ex)
        {
            return new(RecipientFate.Failed, $"reply not sent: {ex.Message}; kept, never bounced");
        }

        RelayResult result;
        await using (composed.ConfigureAwait(false))
        {
            // Reports about the reply go where a forward's do: the feedback address, else the alias.
            result = await relay.SendAsync(composed.Message, settings.FeedbackAddress ?? reverse.Alias, reverse.Correspondent, temporaryPath(), cancellationToken)
                .ConfigureAwait(false);
        }

        if (result.Outcome == RelayOutcome.Sent)
        {
            await TouchAsync(run, reverse, cancellationToken).ConfigureAwait(false);
        }

        // The owner is proven: telling them their reply was refused is no backscatter.
        return Served.Of(result, RecipientFate.Replied, GiveUpReason.Rejected);
    }

    /// <summary>
    /// Whether the refusal rests only on checks DNS could not answer (SES's PROCESSING_FAILED): the
    /// reply would pass were they to pass, so it waits to be checked again. A reply refused for
    /// anything else (its sender or From is not the owner, a check that failed) is refused now.
    /// </summary>
    private static async Task<bool> WouldPassOnceCheckedAsync(
        DeliveryProgress run, ReverseAliasRecord reverse, MessageVerdicts verdicts, string destination, CancellationToken cancellationToken)
    {
        static VerdictStatus Hoped(VerdictStatus status) => status == VerdictStatus.ProcessingFailed ? VerdictStatus.Pass : status;
        var hoped = verdicts with { Spf = Hoped(verdicts.Spf), Dkim = Hoped(verdicts.Dkim), Dmarc = Hoped(verdicts.Dmarc) };
        return hoped != verdicts
            && (await ReplyCheck.CheckAsync(run.Message, reverse, run.Envelope.SenderOrNull, hoped, destination, cancellationToken).ConfigureAwait(false)).Fields is not null;
    }

    /// <summary>Records the reverse address's last use; a failure is logged, never fails the reply that was sent.</summary>
    private async Task TouchAsync(DeliveryProgress run, ReverseAliasRecord reverse, CancellationToken cancellationToken)
    {
        try
        {
            await reverses.TouchAsync(reverse.Address, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.Write("reply", ("id", run.Envelope.Id), ("to", DecisionLog.Masked(reverse.Address.Address)), ("decision", "last-use-not-recorded"),
                ("error", AddressMask.InText(ex.GetType().Name)));
        }
    }
}
