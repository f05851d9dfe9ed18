using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Table.Reading;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// The apply lock: a lease on the item (<c>tacomail-config</c>, <c>lock</c>), taken with a
/// conditional put that succeeds only when there is no lease, or over a lease that is certainly
/// dead (see <see cref="LockObservation"/>: seen unrenewed for a whole lease on this machine's
/// clock, or expired beyond the clock-skew allowance) and still exactly as read. So two applies
/// never write at once — a clock running fast does not make a live lease look expired — and a
/// killed one blocks others only until its lease lapses (or someone force-unlocks it). Time
/// comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class TableLock
{
    private readonly LockContext _context;
    private readonly Func<string> _newLockId;
    private LockObservation? _observed;

    public TableLock(IAmazonDynamoDB client, string tableName)
        : this(client, tableName, LockOptions.Default, TimeProvider.System)
    {
    }

    /// <param name="client">The table's client.</param>
    /// <param name="tableName">The table whose lock item is used.</param>
    /// <param name="options">Lease timing.</param>
    /// <param name="timeProvider">Lease times, renewal and polling delays.</param>
    /// <param name="newLockId">Lock ids; a random UUID when null.</param>
    public TableLock(IAmazonDynamoDB client, string tableName, LockOptions options, TimeProvider timeProvider, Func<string>? newLockId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _context = new LockContext(client, tableName, options, timeProvider);
        _newLockId = newLockId ?? PlanApplier.NewIdentifier;
    }

    /// <summary>
    /// Takes the lease, or takes over a dead one, and keeps it renewed until the lease is disposed.
    /// What this lock saw of a held lease is remembered across calls, so a lease seen unrenewed for
    /// a whole lease duration is taken over even by a call that does not wait.
    /// </summary>
    /// <param name="holder">Who is asking, shown to whoever finds the lock held.</param>
    /// <param name="waitTimeout">How long to wait for a held lock; zero fails at once.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <exception cref="LockHeldException">Someone else holds the lease (still, after <paramref name="waitTimeout"/>).</exception>
    /// <exception cref="TableReadException">The table does not exist.</exception>
    public async Task<LockLease> AcquireAsync(LockHolder holder, TimeSpan waitTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        ArgumentOutOfRangeException.ThrowIfLessThan(waitTimeout, TimeSpan.Zero);

        var clock = _context.TimeProvider;
        var deadline = clock.GetUtcNow() + waitTimeout;
        var delay = _context.Options.PollInitialDelay;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await TryTakeAsync(holder, replacing: null, cancellationToken) is { } lease)
            {
                return lease;
            }

            var current = await ReadAsync(cancellationToken);
            if (current is null)
            {
                continue;
            }

            var observed = LockObservation.Next(Volatile.Read(ref _observed), current, clock);
            Volatile.Write(ref _observed, observed);
            if (observed.MayTakeOver(clock, _context.Options))
            {
                if (await TryTakeAsync(holder, current, cancellationToken) is { } takenOver)
                {
                    return takenOver;
                }

                // Renewed, released or taken by someone else just now: look again.
                continue;
            }

            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw new LockHeldException(_context.TableName, current, waitTimeout);
            }

            await Task.Delay(delay < remaining ? delay : remaining, clock, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _context.Options.PollMaxDelay.Ticks));
        }
    }

    /// <summary>The current lease, expired or not; null when the table is not locked.</summary>
    public async Task<LockInfo?> ReadAsync(CancellationToken cancellationToken)
    {
        var response = await _context.Client.GetItemAsync(
            new GetItemRequest { TableName = _context.TableName, Key = ItemKeyCodec.Encode(LockItemCodec.Key), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? LockItemCodec.Decode(item) : null;
    }

    /// <summary>
    /// Removes the lease of a run that died without releasing it. The id must be the current
    /// one, so a lease someone took in the meantime is never removed by mistake.
    /// </summary>
    /// <returns>The lease that was removed.</returns>
    /// <exception cref="ForceUnlockException">The table is not locked, or by another lock id (named in the message).</exception>
    public async Task<LockInfo> ForceUnlockAsync(string lockId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lockId);
        var expressions = new ExpressionBuilder();
        var request = new DeleteItemRequest
        {
            TableName = _context.TableName,
            Key = ItemKeyCodec.Encode(LockItemCodec.Key),
            ConditionExpression = expressions.Equal(LockAttributes.LockId, new AttributeValue { S = lockId.Trim() }),
            ExpressionAttributeNames = expressions.Names,
            ExpressionAttributeValues = expressions.Values,
            ReturnValues = ReturnValue.ALL_OLD,
        };
        try
        {
            var response = await _context.Client.DeleteItemAsync(request, cancellationToken);
            return LockItemCodec.Decode(response.Attributes ?? []);
        }
        catch (ConditionalCheckFailedException)
        {
            var current = await ReadAsync(cancellationToken);
            throw new ForceUnlockException(current is null
                ? $"Table '{_context.TableName}' is not locked; there is nothing to unlock."
                : $"Lock id '{lockId}' is not the lock on table '{_context.TableName}': it is held by {current.Describe()} "
                    + $"with lock id {current.LockId}. Nothing was changed; if that run is dead, run 'tacomail force-unlock {current.LockId}'.");
        }
    }

    /// <summary>Puts a new lease where there is none (<paramref name="replacing"/> null) or over exactly the lease that was read.</summary>
    /// <returns>The lease, or null when the item was not as expected.</returns>
    private async Task<LockLease?> TryTakeAsync(LockHolder holder, LockInfo? replacing, CancellationToken cancellationToken)
    {
        var clock = _context.TimeProvider;
        var sent = clock.GetTimestamp();
        var now = clock.GetUtcNow();
        var info = new LockInfo(_newLockId(), holder, now, now + _context.Options.LeaseDuration);
        return await TryPutAsync(info, replacing, cancellationToken) ? new LockLease(_context, info, sent) : null;
    }

    private async Task<bool> TryPutAsync(LockInfo info, LockInfo? replacing, CancellationToken cancellationToken)
    {
        var expressions = new ExpressionBuilder();
        var condition = replacing is null
            ? expressions.Missing(TableContract.SubDomain)
            : $"{expressions.Equal(LockAttributes.LockId, new AttributeValue { S = replacing.LockId })} AND "
                + $"{expressions.Equal(LockAttributes.Expires, LockItemCodec.Number(replacing.Expires.ToUnixTimeSeconds()))} AND "
                + (replacing.Version == 0
                    ? $"({expressions.Missing(LockAttributes.Version)} OR {expressions.Equal(LockAttributes.Version, LockItemCodec.Number(0))})"
                    : expressions.Equal(LockAttributes.Version, LockItemCodec.Number(replacing.Version)));
        try
        {
            await _context.Client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = _context.TableName,
                    Item = LockItemCodec.Encode(info),
                    ConditionExpression = condition,
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values.Count > 0 ? expressions.Values : null,
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        catch (ResourceNotFoundException exception)
        {
            throw TableReadException.Missing(_context.TableName, exception);
        }
    }
}
