using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Creates and deletes aliases with BatchWriteItem, up to <see cref="MaxBatchSize"/> per request.
/// Batch writes carry no conditions — not even on the lock item — so each request is sent only
/// after the fence confirmed the lease holds for its safety margin; that, the lock, and a create
/// only targeting an address the fresh read did not hold make them safe. Items DynamoDB leaves
/// unprocessed (throttling) are retried with backoff, a bounded number of times.
/// </summary>
internal sealed class BatchWriter(WriteContext context, ApplyLedger ledger)
{
    /// <summary>DynamoDB's limit on the requests in one BatchWriteItem.</summary>
    public const int MaxBatchSize = 25;

    /// <summary>Creates the aliases of <paramref name="changes"/>: a new identifier, created = modified = now, use_count 0.</summary>
    /// <param name="changes">At most <see cref="MaxBatchSize"/> creates.</param>
    /// <param name="stop">Stops retrying (the batch's own request is always let finish).</param>
    public Task CreateAsync(IReadOnlyList<AliasCreate> changes, CancellationToken stop)
    {
        var now = context.Now;
        return WriteAsync(
            [.. changes.Select(change =>
            {
                var spec = change.After;
                var record = new AliasRecord(change.Key, spec.Destination, spec.State, context.NewIdentifier(), now, now, useCount: 0);
                return new Entry(
                    new WriteRequest { PutRequest = new PutRequest { Item = AliasItemCodec.Encode(record) } },
                    new AppliedChange(change, record.Identifier, ApplyOutcome.Written));
            })],
            stop);
    }

    /// <summary>Deletes the aliases of <paramref name="changes"/> (at most <see cref="MaxBatchSize"/>).</summary>
    public Task DeleteAsync(IReadOnlyList<AliasDelete> changes, CancellationToken stop) =>
        WriteAsync(
            [.. changes.Select(change => new Entry(
                new WriteRequest { DeleteRequest = new DeleteRequest { Key = ItemKeyCodec.Encode(change.Key) } },
                new AppliedChange(change, change.Before.Identifier, ApplyOutcome.Written)))],
            stop);

    private async Task WriteAsync(IReadOnlyList<Entry> entries, CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries.Count, MaxBatchSize, nameof(entries));
        var pending = entries;
        for (var attempt = 1; ; attempt++)
        {
            context.Fence.EnsureHeld();
            var response = await context.Client.BatchWriteItemAsync(
                new BatchWriteItemRequest
                {
                    RequestItems = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal)
                    {
                        [context.TableName] = [.. pending.Select(e => e.Request)],
                    },
                },
                CancellationToken.None);

            var unprocessed = (response.UnprocessedItems?.GetValueOrDefault(context.TableName) ?? [])
                .Select(KeyOf)
                .ToHashSet();
            foreach (var entry in pending.Where(e => !unprocessed.Contains(e.Applied.Change.Key)))
            {
                ledger.Done(entry.Applied);
            }

            if (unprocessed.Count == 0)
            {
                return;
            }

            pending = [.. pending.Where(e => unprocessed.Contains(e.Applied.Change.Key))];
            if (attempt >= context.Options.MaxAttempts)
            {
                throw new ChangeFailedException(
                    $"DynamoDB left {pending.Count} writes unprocessed after {attempt} attempts (the table is throttling), "
                    + $"e.g. {pending[0].Applied.Change.Key}; try again later or raise the table's capacity.");
            }

            await context.Backoff.DelayAsync(attempt - 1, stop);
        }
    }

    private static ItemKey KeyOf(WriteRequest request)
    {
        var attributes = request.PutRequest?.Item ?? request.DeleteRequest?.Key
            ?? throw new InvalidOperationException("DynamoDB returned an unprocessed write that is neither a put nor a delete.");
        return new ItemKey(attributes[TableContract.SubDomain].S, attributes[TableContract.AliasAddress].S);
    }

    private sealed record Entry(WriteRequest Request, AppliedChange Applied);
}
