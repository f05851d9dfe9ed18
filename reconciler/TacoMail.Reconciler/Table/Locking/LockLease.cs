using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// A held lock, and the fence of every write made under it. It renews itself in the background
/// (conditional on still being ours, with a new version each time); if a renewal finds the lease
/// gone, or renewals fail until the lease would drop below its safety margin,
/// <see cref="LostToken"/> is cancelled so the apply stops launching writes. Independently, each
/// write first asks <see cref="EnsureHeld"/> — the lease must hold for the safety margin by this
/// machine's wall and monotonic clocks, counted from when the last successful renewal was sent —
/// and each transaction checks the lock item in DynamoDB too. A paused process or a partition
/// therefore writes nothing once its lease is in doubt, and a taker (see
/// <see cref="LockObservation"/>) only takes the lease after that. Disposing releases the lease —
/// also after a failed apply — and never throws: a lease that cannot be deleted simply lapses.
/// </summary>
internal sealed class LockLease : IAsyncDisposable, IWriteFence
{
    private readonly LockContext _context;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewal = new();
    private readonly SemaphoreSlim _lockItemWrites = new(1, 1);
    private readonly Task _renewal;
    private Term _term;
    private long _nextVersion;
    private string? _lostReason;
    private string? _renewalFailure;
    private int _released;

    /// <param name="context">The lock's table and timing.</param>
    /// <param name="info">The lease as written.</param>
    /// <param name="sentTimestamp">The monotonic time the write of <paramref name="info"/> was sent.</param>
    internal LockLease(LockContext context, LockInfo info, long sentTimestamp)
    {
        _context = context;
        _term = new Term(info, sentTimestamp);
        _nextVersion = info.Version + 1;
        _renewal = RenewLoopAsync(_stopRenewal.Token);
    }

    public string LockId => Info.LockId;

    /// <summary>The lease as last written (its expiry and version move on with each renewal).</summary>
    public LockInfo Info => Volatile.Read(ref _term).Info;

    /// <summary>Cancelled when the lease is lost; link it with the apply's token.</summary>
    public CancellationToken LostToken => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Why the lease was lost, for the user; null while it is held.</summary>
    public string? LostReason => Volatile.Read(ref _lostReason);

    /// <summary>How much longer the lease surely holds by this machine's clocks; negative once lapsed.</summary>
    public TimeSpan HeldFor()
    {
        var term = Volatile.Read(ref _term);
        var clock = _context.TimeProvider;
        var byWallClock = term.Info.Expires - clock.GetUtcNow();
        var byMonotonicClock = _context.Options.LeaseDuration - clock.GetElapsedTime(term.SentTimestamp);
        return byWallClock < byMonotonicClock ? byWallClock : byMonotonicClock;
    }

    /// <inheritdoc/>
    public void EnsureHeld()
    {
        if (LostReason is { } reason)
        {
            throw new FenceLapsedException($"{reason} Nothing more is written.");
        }

        var left = HeldFor();
        var margin = _context.Options.SafetyMargin;
        if (left < margin)
        {
            var failure = Volatile.Read(ref _renewalFailure) is { } message ? $"; the last renewal failed: {message.TrimEnd('.')}" : string.Empty;
            throw new FenceLapsedException(
                $"The lease on the lock of table '{_context.TableName}' is in doubt: it holds for {Seconds(left)} s more by this machine's clock, "
                + $"less than the {Seconds(margin)} s a write needs (it runs out at {LockInfo.Iso(Info.Expires)}{failure}). Nothing more is written.");
        }
    }

    /// <inheritdoc/>
    public async Task<T> SendAsync<T>(Func<TransactWriteItem?, Task<T>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        await _lockItemWrites.WaitAsync(cancellationToken);
        try
        {
            EnsureHeld();
            return await send(LockCheck());
        }
        finally
        {
            _lockItemWrites.Release();
        }
    }

    /// <summary>Stops renewing and deletes the lease if it is still ours.</summary>
    /// <exception cref="AmazonServiceException">DynamoDB refused the delete.</exception>
    /// <exception cref="AmazonClientException">DynamoDB could not be reached.</exception>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        await _stopRenewal.CancelAsync();
        await _renewal;
        var expressions = new ExpressionBuilder();
        try
        {
            await _context.Client.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = _context.TableName,
                    Key = ItemKeyCodec.Encode(LockItemCodec.Key),
                    ConditionExpression = expressions.Equal(LockAttributes.LockId, new AttributeValue { S = LockId }),
                    ExpressionAttributeNames = expressions.Names,
                    ExpressionAttributeValues = expressions.Values,
                },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // Taken over or force-unlocked: not ours to delete any more.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException)
        {
            // The lease lapses on its own at Info.Expires.
        }
        finally
        {
            _stopRenewal.Dispose();
            _lost.Dispose();
            _lockItemWrites.Dispose();
        }
    }

    /// <summary>
    /// The check a transaction adds: the lock item still holds this lease, with an expiry (by this
    /// machine's clock, which wrote it) at least the safety margin away.
    /// </summary>
    private TransactWriteItem LockCheck()
    {
        var expressions = new ExpressionBuilder();
        var until = (_context.TimeProvider.GetUtcNow() + _context.Options.SafetyMargin).ToUnixTimeSeconds();
        var condition = $"{expressions.Equal(LockAttributes.LockId, new AttributeValue { S = LockId })} AND "
            + $"{expressions.Name(LockAttributes.Expires)} >= {expressions.Value(LockItemCodec.Number(until))}";
        return new TransactWriteItem
        {
            ConditionCheck = new ConditionCheck
            {
                TableName = _context.TableName,
                Key = ItemKeyCodec.Encode(LockItemCodec.Key),
                ConditionExpression = condition,
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
            },
        };
    }

    private async Task RenewLoopAsync(CancellationToken stop)
    {
        // A periodic timer ticks at a fixed rate from the moment the lease is taken, however long a renewal takes.
        var clock = _context.TimeProvider;
        using var timer = new PeriodicTimer(_context.Options.RenewInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                // One at a time with the apply's transactions, which check the same item.
                await _lockItemWrites.WaitAsync(stop);
                try
                {
                    if (!await TryRenewAsync(stop))
                    {
                        return;
                    }
                }
                finally
                {
                    _lockItemWrites.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released.
        }
    }

    /// <returns>False when the lease is lost and renewing ends.</returns>
    private async Task<bool> TryRenewAsync(CancellationToken stop)
    {
        var clock = _context.TimeProvider;
        var sent = clock.GetTimestamp();
        var expires = clock.GetUtcNow() + _context.Options.LeaseDuration;

        // Every attempt gets a version never written before, so one whose answer was lost still
        // shows a waiting run that the lease is alive.
        var version = _nextVersion++;
        try
        {
            await RenewAsync(expires, version, stop);
            Volatile.Write(ref _term, new Term(Info with { Expires = expires, Version = version }, sent));
            Volatile.Write(ref _renewalFailure, null);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            await LoseAsync("the lease was taken over or force-unlocked by someone else");
            return false;
        }
        catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException)
        {
            Volatile.Write(ref _renewalFailure, exception.Message);
            if (HeldFor() < _context.Options.SafetyMargin)
            {
                await LoseAsync($"it could not be renewed before it ran out ({exception.Message})");
                return false;
            }

            return true;
        }
    }

    private async Task RenewAsync(DateTimeOffset expires, long version, CancellationToken stop)
    {
        var expressions = new ExpressionBuilder();
        var update = $"SET {expressions.Equal(LockAttributes.Expires, LockItemCodec.Number(expires.ToUnixTimeSeconds()))}, "
            + expressions.Equal(LockAttributes.Version, LockItemCodec.Number(version));
        await _context.Client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = _context.TableName,
                Key = ItemKeyCodec.Encode(LockItemCodec.Key),
                UpdateExpression = update,
                ConditionExpression = expressions.Equal(LockAttributes.LockId, new AttributeValue { S = LockId }),
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
            },
            stop);
    }

    private async Task LoseAsync(string reason)
    {
        Volatile.Write(ref _lostReason, $"The lock on table '{_context.TableName}' was lost: {reason}.");
        await _lost.CancelAsync();
    }

    private static string Seconds(TimeSpan time) => Math.Max(0, time.TotalSeconds).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The lease as last written and when that write was sent (monotonic), read and replaced as one.</summary>
    private sealed record Term(LockInfo Info, long SentTimestamp);
}
