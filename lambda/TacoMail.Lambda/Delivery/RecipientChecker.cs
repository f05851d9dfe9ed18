using TacoMail.Lambda.Events;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Re-checks every envelope recipient against the table just before delivering, through the
/// disposition's own pipeline (<see cref="RecipientResolver"/>, <see cref="MessagePolicy"/>): the
/// disposition may have answered CONTINUE fail-safe, or the alias may have changed since, and only
/// an alias that is active now receives mail, and only a reverse address whose alias is active now
/// sends a reply. The feedback address is filed in the mailbox, never forwarded. A lookup failure is thrown: the event is retried rather than decided blind.
/// </summary>
internal sealed class RecipientChecker
{
    private readonly RecipientResolver _resolver;

    public RecipientChecker(RecipientResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
    }

    /// <exception cref="Amazon.DynamoDBv2.AmazonDynamoDBException">DynamoDB refused the lookup.</exception>
    /// <exception cref="AliasLookupException">DynamoDB kept the keys unprocessed (throttling).</exception>
    public async Task<RecipientCheck> CheckAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var resolution = await _resolver.ResolveAsync(message.Recipients, cancellationToken).ConfigureAwait(false);
        var policy = resolution.Settings.Policy;
        var facts = message.Facts;
        var targets = new Dictionary<ItemKey, (DestinationAddress Destination, List<string> Recipients, ReverseAliasRecord? Reply)>();
        var notDelivered = new List<RecipientReport>();
        foreach (var recipient in resolution.Recipients)
        {
            if (recipient.Key is not { } alias)
            {
                notDelivered.Add(new RecipientReport([recipient.Recipient], null, null, DeliveryStatus.Skipped, OutcomeReason.InvalidAddress.ToName()));
                continue;
            }

            if (targets.TryGetValue(alias, out var target))
            {
                target.Recipients.Add(recipient.Recipient);
                continue;
            }

            var report = Decide(recipient, alias, policy.Decide(recipient.Status, facts), out var destination);
            if (destination is not null)
            {
                targets[alias] = (destination, [recipient.Recipient], recipient.Reverse);
            }
            else
            {
                notDelivered.Add(report!);
            }
        }

        return new RecipientCheck(
            [.. targets.Select(t => new DeliveryTarget(t.Key, t.Value.Destination, t.Value.Recipients) { Reply = t.Value.Reply })],
            notDelivered,
            resolution.Settings,
            resolution.SettingsFallback);
    }

    /// <returns>Null with a destination when the alias is to be delivered to; a report otherwise.</returns>
    private static RecipientReport? Decide(
        ResolvedRecipient recipient, ItemKey alias, RecipientDecision decision, out DestinationAddress? destination)
    {
        destination = null;
        if (recipient.Lookup == LookupStatus.Unreadable)
        {
            return new RecipientReport([recipient.Recipient], alias.FullAddress, null, DeliveryStatus.Unresolved, $"unreadable {recipient.UnreadableReason}");
        }

        if (recipient.Status == RecipientStatus.Feedback && decision.Outcome == RecipientOutcome.Deliver)
        {
            // Feedback about our own forwards: forwarding it would loop, so it is only filed.
            destination = DestinationAddress.S3;
            return null;
        }

        var record = recipient.Record;
        // MessagePolicy delivers a readable alias only when it is active: its decision is the one classification.
        if (record is null || decision.Outcome != RecipientOutcome.Deliver)
        {
            return new RecipientReport([recipient.Recipient], alias.FullAddress, null, DeliveryStatus.Skipped, decision.Reason.ToName());
        }

        if (!DestinationAddress.TryParse(record.Destination, out destination, out var error))
        {
            return new RecipientReport([recipient.Recipient], alias.FullAddress, null, DeliveryStatus.Unresolved, $"invalid destination: {error.Message}");
        }

        return null;
    }
}
