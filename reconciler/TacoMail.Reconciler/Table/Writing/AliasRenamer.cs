using System.Globalization;
using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Moves an alias to a new address in one TransactWriteItems, keeping its identifier, created time,
/// use count and last use: the old item is deleted only if it still has the identifier and use count that
/// were read, and the new one is put only if its address is free. When the Lambda counted a
/// message in between, the old item is re-read and the move retried with the new count, so no
/// count is lost (the Lambda sets <c>last_used_datetime</c> in the same write as the count, so the
/// count's condition covers both). The transaction also checks the lock item (the fence). A move found already done (old gone, new present with the same identifier)
/// counts as done, which makes a re-run after an interrupted apply converge.
/// </summary>
internal sealed class AliasRenamer(WriteContext context, ItemFetcher fetcher, ApplyLedger ledger)
{
    /// <param name="change">The rename.</param>
    /// <param name="stop">Stops retrying; the request in flight is let finish.</param>
    /// <exception cref="ChangeFailedException">The new address is taken by another item, the old item vanished, or retries ran out.</exception>
    public async Task RenameAsync(AliasRename change, CancellationToken stop)
    {
        var (from, desired, old) = (change.From, change.After, change.Before);
        var useCount = old.LegacyTraits.HasFlag(LegacyTraits.UseCountMissing)
            ? null
            : new AttributeValue { N = old.UseCount.ToString(CultureInfo.InvariantCulture) };
        for (var attempt = 1; ; attempt++)
        {
            var reasons = await TryRenameAsync(from, desired, old, useCount, stop);
            if (reasons is null)
            {
                ledger.Done(new AppliedChange(change, old.Identifier, ApplyOutcome.Written));
                return;
            }

            if (reasons.Contains(FencedTransaction.TransactionConflict) && !reasons.Contains(FencedTransaction.ConditionalCheckFailed))
            {
                ThrowIfExhausted(change, attempt);
                await context.Backoff.DelayAsync(attempt - 1, stop);
                continue;
            }

            var target = await fetcher.GetAsync(change.Key);
            var source = await fetcher.GetAsync(from);
            if (target is not null)
            {
                var targetIdentifier = target.GetValueOrDefault(TableContract.Identifier)?.S;
                if (source is null && targetIdentifier == old.Identifier)
                {
                    ledger.Done(new AppliedChange(change, old.Identifier, ApplyOutcome.AlreadyInPlace));
                    return;
                }

                throw Failed(change, targetIdentifier == old.Identifier
                    ? $"both {from} and {change.Key} hold identifier {old.Identifier}; delete the one that should not exist and run apply again"
                    : $"{change.Key} already exists with another identifier ({targetIdentifier ?? "none"}); "
                        + $"remove the moved entry or delete {change.Key}, then plan again");
            }

            if (source is null)
            {
                throw Failed(change, $"{from} was deleted by someone else during the apply; run apply again to create {change.Key}");
            }

            var fresh = AliasItemCodec.Decode(source);
            if (!fresh.IsSuccess)
            {
                throw Failed(change, $"{from} can no longer be read: {fresh.Reason}");
            }

            ThrowIfExhausted(change, attempt);
            stop.ThrowIfCancellationRequested();
            old = fresh.Record;
            useCount = source.GetValueOrDefault(TableContract.UseCount);
        }
    }

    /// <returns>Null when the move was made; else the cancellation reason codes.</returns>
    private async Task<IReadOnlyList<string>?> TryRenameAsync(ItemKey from, AliasSpec desired, AliasRecord old, AttributeValue? useCount, CancellationToken stop)
    {
        var moved = new AliasRecord(desired.Key, desired.Destination, desired.State, old.Identifier, old.CreatedDatetime, context.Now, old.UseCount)
        {
            LastUsedDatetime = old.LastUsedDatetime,
        };
        var deleteCondition = new ExpressionBuilder();
        var expected = new ExpectedAttributes().Equal(TableContract.Identifier, new AttributeValue { S = old.Identifier });
        if (useCount is null)
        {
            expected.Missing(TableContract.UseCount);
        }
        else
        {
            expected.Equal(TableContract.UseCount, useCount);
        }

        var putCondition = new ExpressionBuilder();
        TransactWriteItem[] writes =
        [
            new TransactWriteItem
            {
                Delete = new Delete
                {
                    TableName = context.TableName,
                    Key = ItemKeyCodec.Encode(from),
                    ConditionExpression = expected.ToCondition(deleteCondition),
                    ExpressionAttributeNames = deleteCondition.Names,
                    ExpressionAttributeValues = deleteCondition.Values,
                },
            },
            new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = context.TableName,
                    Item = AliasItemCodec.Encode(moved),
                    ConditionExpression = putCondition.Missing(TableContract.SubDomain),
                    ExpressionAttributeNames = putCondition.Names,
                },
            },
        ];
        return await FencedTransaction.TryWriteAsync(context, writes, stop);
    }

    private void ThrowIfExhausted(AliasRename change, int attempt)
    {
        if (attempt >= context.Options.MaxAttempts)
        {
            throw Failed(change, $"the items kept changing during the apply ({attempt} attempts)");
        }
    }

    private static ChangeFailedException Failed(AliasRename change, string what) =>
        new($"Could not rename {change.From} to {change.Key}: {what}.");
}
