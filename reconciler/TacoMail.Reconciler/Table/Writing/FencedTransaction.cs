using Amazon.DynamoDBv2.Model;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Sends writes as one TransactWriteItems with the fence's ConditionCheck on the lock item added
/// last, so DynamoDB itself refuses them once the lock item no longer holds this run's lease.
/// </summary>
internal static class FencedTransaction
{
    public const string ConditionalCheckFailed = "ConditionalCheckFailed";
    public const string TransactionConflict = "TransactionConflict";

    /// <param name="context">The apply's table, client and fence.</param>
    /// <param name="writes">The writes, each with its own condition if any.</param>
    /// <param name="cancellationToken">Stops waiting for the fence; a transaction in flight is let finish.</param>
    /// <returns>Null when written; else the cancellation reason code of each write, in order (<c>None</c> for those that were fine).</returns>
    /// <exception cref="FenceLapsedException">The lease lapsed before the transaction, or DynamoDB found the lock item no longer this run's.</exception>
    public static Task<IReadOnlyList<string>?> TryWriteAsync(WriteContext context, IReadOnlyList<TransactWriteItem> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writes);
        return context.Fence.SendAsync(
            async lockCheck =>
            {
                List<TransactWriteItem> items = [.. writes];
                if (lockCheck is not null)
                {
                    items.Add(lockCheck);
                }

                try
                {
                    await context.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = items }, CancellationToken.None);
                    return null;
                }
                catch (TransactionCanceledException exception)
                {
                    var codes = (exception.CancellationReasons ?? []).Select(r => r.Code ?? string.Empty).ToList();
                    if (lockCheck is not null && codes.ElementAtOrDefault(writes.Count) == ConditionalCheckFailed)
                    {
                        throw new FenceLapsedException(
                            $"DynamoDB refused a write because the lock item of table '{context.TableName}' no longer holds this run's "
                            + "lease (it lapsed, was taken over or was force-unlocked); nothing more is written", exception);
                    }

                    return (IReadOnlyList<string>?)[.. Enumerable.Range(0, writes.Count).Select(i => codes.ElementAtOrDefault(i) ?? string.Empty)];
                }
            },
            cancellationToken);
    }
}
