using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Events;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Re-checks every envelope recipient against the table just before delivering, with the
/// disposition's own rules (normalisation, one <c>BatchGetItem</c> through
/// <see cref="AliasBatchReader"/>, <see cref="MessagePolicy"/>): the disposition may have answered
/// CONTINUE fail-safe, or the alias may have changed since, and only an alias that is active now
/// receives mail. A lookup failure is thrown: the event is retried rather than decided blind.
/// </summary>
internal sealed class RecipientChecker
{
    private static readonly IReadOnlyDictionary<ItemKey, AliasItemLookup> NothingFound = new Dictionary<ItemKey, AliasItemLookup>();

    private readonly SubAddressSeparators _separators;
    private readonly MessagePolicy _policy;
    private readonly AliasBatchReader _reader;

    public RecipientChecker(SubAddressSeparators separators, MessagePolicy policy, AliasBatchReader reader)
    {
        ArgumentNullException.ThrowIfNull(separators);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(reader);
        _separators = separators;
        _policy = policy;
        _reader = reader;
    }

    /// <exception cref="Amazon.DynamoDBv2.AmazonDynamoDBException">DynamoDB refused the lookup.</exception>
    /// <exception cref="AliasLookupException">DynamoDB kept the keys unprocessed (throttling).</exception>
    public async Task<RecipientCheck> CheckAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var recipients = message.Recipients.Select(r => (Recipient: r, Key: KeyOf(r))).ToList();
        var keys = recipients.Where(r => r.Key is not null).Select(r => r.Key!.Value).Distinct().ToList();
        var found = keys.Count == 0 ? NothingFound : await _reader.ReadAsync(keys, cancellationToken);

        var targets = new Dictionary<ItemKey, (DestinationAddress Destination, List<string> Recipients)>();
        var notDelivered = new List<RecipientReport>();
        foreach (var (recipient, key) in recipients)
        {
            if (key is not { } alias)
            {
                notDelivered.Add(new RecipientReport([recipient], null, null, DeliveryStatus.Skipped, OutcomeReason.InvalidAddress.ToName()));
                continue;
            }

            if (targets.TryGetValue(alias, out var target))
            {
                target.Recipients.Add(recipient);
                continue;
            }

            var report = Decide(recipient, alias, found.GetValueOrDefault(alias), message.Facts, out var destination);
            if (destination is not null)
            {
                targets[alias] = (destination, [recipient]);
            }
            else
            {
                notDelivered.Add(report!);
            }
        }

        return new RecipientCheck(
            [.. targets.Select(t => new DeliveryTarget(t.Key, t.Value.Destination, t.Value.Recipients))],
            notDelivered);
    }

    private ItemKey? KeyOf(string recipient) =>
        RecipientNormalizer.TryNormalize(recipient, _separators, out var lookup) ? lookup.Key : null;

    /// <returns>Null with a destination when the alias is to be delivered to; a report otherwise.</returns>
    private RecipientReport? Decide(
        string recipient, ItemKey alias, AliasItemLookup? lookup, MessageFacts facts, out DestinationAddress? destination)
    {
        destination = null;
        if (lookup is { Record: null })
        {
            return new RecipientReport([recipient], alias.FullAddress, null, DeliveryStatus.Unresolved, $"unreadable {lookup.UnreadableReason}");
        }

        var record = lookup?.Record;
        var decision = _policy.Decide(MessagePolicy.StatusOf(record?.State), facts);
        if (record is null || decision.Outcome != RecipientOutcome.Deliver || record.State != AliasState.Active)
        {
            return new RecipientReport([recipient], alias.FullAddress, null, DeliveryStatus.Skipped, decision.Reason.ToName());
        }

        if (!DestinationAddress.TryParse(record.Destination, out destination, out var error))
        {
            return new RecipientReport([recipient], alias.FullAddress, null, DeliveryStatus.Unresolved, $"invalid destination: {error.Message}");
        }

        return null;
    }
}
