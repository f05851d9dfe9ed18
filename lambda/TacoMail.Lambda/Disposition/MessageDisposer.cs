using TacoMail.Lambda.Events;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Disposition;

/// <summary>
/// Decides one message: look up every recipient at once, apply the shared rules
/// (<see cref="MessagePolicy"/>), then bounce and count uses concurrently. Every failure becomes
/// an error text and, where routing is affected, a fail-safe CONTINUE; nothing here throws for
/// a remote fault.
/// </summary>
internal sealed class MessageDisposer
{
    private static readonly IReadOnlyDictionary<ItemKey, AliasItemLookup> NothingFound = new Dictionary<ItemKey, AliasItemLookup>();

    private readonly SubAddressSeparators _separators;
    private readonly MessagePolicy _policy;
    private readonly AliasBatchReader _reader;
    private readonly UseCountIncrementer _incrementer;
    private readonly BounceStep _bounce;

    public MessageDisposer(
        SubAddressSeparators separators,
        MessagePolicy policy,
        AliasBatchReader reader,
        UseCountIncrementer incrementer,
        BounceStep bounce)
    {
        ArgumentNullException.ThrowIfNull(separators);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(incrementer);
        ArgumentNullException.ThrowIfNull(bounce);
        _separators = separators;
        _policy = policy;
        _reader = reader;
        _incrementer = incrementer;
        _bounce = bounce;
    }

    public async Task<DispositionResult> ProcessAsync(
        ReceivedMessage message, InvocationDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(deadline);
        var targets = message.Recipients.Select(r => (Recipient: r, Key: KeyOf(r))).ToList();
        var keys = targets.Where(t => t.Key is not null).Select(t => t.Key!.Value).Distinct().ToList();
        var errors = new List<string>();

        var found = NothingFound;
        if (keys.Count > 0)
        {
            if (!deadline.AllowsCall)
            {
                errors.Add($"deadline near ({deadline.Describe()}): lookup skipped");
                return DispositionResult.FailSafe(Undecided(targets, LookupStatus.Skipped), errors);
            }

            try
            {
                using var call = deadline.StartCall(cancellationToken);
                found = await _reader.ReadAsync(keys, call.Token);
            }
            catch (Exception ex)
            {
                // Fail-safe: without the table nothing may be bounced or dropped.
                errors.Add($"lookup failed: {ErrorText.Of(ex)}");
                return DispositionResult.FailSafe(Undecided(targets, LookupStatus.Failed), errors);
            }
        }

        errors.AddRange(found.Values.Where(f => f.UnreadableReason is not null).Select(f => $"unreadable {f.UnreadableReason}"));
        var results = targets.Select(t => Decide(t.Recipient, t.Key, found, message.Facts)).ToList();

        var bounceTask = _bounce.RunAsync(message, results, deadline, cancellationToken);
        var countTask = CountUsesAsync(results, deadline, cancellationToken);
        await Task.WhenAll(bounceTask, countTask);
        var bounce = await bounceTask;
        if (bounce?.NeedsFailSafe == true)
        {
            errors.Add($"bounce not sent: {bounce.Reason}");
        }

        errors.AddRange(await countTask);
        return DispositionResult.Decided(results, bounce, errors);
    }

    private ItemKey? KeyOf(string recipient) =>
        RecipientNormalizer.TryNormalize(recipient, _separators, out var lookup) ? lookup.Key : null;

    private RecipientResult Decide(
        string recipient, ItemKey? key, IReadOnlyDictionary<ItemKey, AliasItemLookup> found, MessageFacts facts)
    {
        var (lookup, status) = Classify(key, found);
        return new RecipientResult(recipient, key, lookup, _policy.Decide(status, facts));
    }

    private static (LookupStatus Lookup, RecipientStatus Status) Classify(
        ItemKey? key, IReadOnlyDictionary<ItemKey, AliasItemLookup> found)
    {
        if (key is not { } k)
        {
            return (LookupStatus.InvalidAddress, RecipientStatus.InvalidAddress);
        }

        if (!found.TryGetValue(k, out var item))
        {
            return (LookupStatus.NotFound, RecipientStatus.Unknown);
        }

        return item.Record is { } record
            ? (LookupStatus.Found, MessagePolicy.StatusOf(record.State))
            : (LookupStatus.Unreadable, RecipientStatus.Unreadable);
    }

    private async Task<IReadOnlyList<string>> CountUsesAsync(
        IReadOnlyList<RecipientResult> results, InvocationDeadline deadline, CancellationToken cancellationToken)
    {
        var used = results.Where(r => r.CountsAsUse).Select(r => r.Key!.Value).Distinct().ToList();
        if (used.Count == 0)
        {
            return [];
        }

        if (!deadline.AllowsCall)
        {
            return [$"deadline near ({deadline.Describe()}): use_count not incremented for {used.Count} alias(es)"];
        }

        using var call = deadline.StartCall(cancellationToken);
        return await _incrementer.IncrementAsync(used, call.Token);
    }

    private static List<RecipientResult> Undecided(
        IEnumerable<(string Recipient, ItemKey? Key)> targets, LookupStatus status) =>
        [.. targets.Select(t => new RecipientResult(
            t.Recipient, t.Key, t.Key is null ? LookupStatus.InvalidAddress : status, Decision: null))];
}
