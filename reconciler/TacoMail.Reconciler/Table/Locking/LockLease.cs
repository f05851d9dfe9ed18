using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// A held lock. It renews itself in the background (conditional on still being ours); if a
/// renewal finds the lease gone or lapsed, <see cref="LostToken"/> is cancelled so the apply
/// stops launching writes. Disposing releases the lease — also after a failed apply — and never
/// throws: a lease that cannot be deleted simply lapses.
/// </summary>
internal sealed class LockLease : IAsyncDisposable
{
    private readonly LockContext _context;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stopRenewal = new();
    private readonly Task _renewal;
    private LockInfo _info;
    private string? _lostReason;
    private int _released;

    internal LockLease(LockContext context, LockInfo info)
    {
        _context = context;
        _info = info;
        _renewal = RenewLoopAsync(_stopRenewal.Token);
    }

    public string LockId => _info.LockId;

    /// <summary>The lease as last written (its expiry moves on with each renewal).</summary>
    public LockInfo Info => Volatile.Read(ref _info);

    /// <summary>Cancelled when the lease is lost; link it with the apply's token.</summary>
    public CancellationToken LostToken => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Why the lease was lost, for the user; null while it is held.</summary>
    public string? LostReason => Volatile.Read(ref _lostReason);

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
        }
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
                var expires = clock.GetUtcNow() + _context.Options.LeaseDuration;
                try
                {
                    await RenewAsync(expires, stop);
                    Volatile.Write(ref _info, _info with { Expires = expires });
                }
                catch (ConditionalCheckFailedException)
                {
                    await LoseAsync("the lease was taken over or force-unlocked by someone else");
                    return;
                }
                catch (Exception exception) when (exception is AmazonServiceException or AmazonClientException)
                {
                    if (clock.GetUtcNow() >= Info.Expires)
                    {
                        await LoseAsync($"it could not be renewed before it expired ({exception.Message})");
                        return;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Released.
        }
    }

    private async Task RenewAsync(DateTimeOffset expires, CancellationToken stop)
    {
        var expressions = new ExpressionBuilder();
        var update = $"SET {expressions.Name(LockAttributes.Expires)} = {expressions.Value(LockItemCodec.Number(expires.ToUnixTimeSeconds()))}";
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
}
