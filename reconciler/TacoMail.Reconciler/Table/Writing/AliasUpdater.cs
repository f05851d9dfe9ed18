using System.Globalization;
using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Updates one alias in place with a conditional update, sent as a transaction with the lock's
/// fence check. It writes only the reconciler-owned
/// attributes — never <c>identifier</c>, <c>created_datetime</c> or the Lambda's
/// <c>use_count</c> — and only while the item still holds what was read, so it can never upsert a
/// half item or silently overwrite a change it did not see. When the condition fails it re-reads:
/// an item already as desired counts as done, otherwise it retries from the fresh values.
/// </summary>
internal sealed class AliasUpdater(WriteContext context, ItemFetcher fetcher, ApplyLedger ledger)
{
    /// <summary>Legacy shapes an update rewrites (the planner's shape fixes); an item showing none needs no rewrite.</summary>
    private const LegacyTraits RewrittenTraits = LegacyTraits.Application | LegacyTraits.FullAddress
        | LegacyTraits.ActiveAliasMissing | LegacyTraits.IgnoreAliasMissing
        | LegacyTraits.BooleanNotBool | LegacyTraits.IgnoredWhileDisabled;

    /// <param name="change">A change of values (and of the shape, if the item has a legacy one).</param>
    /// <param name="stop">Stops retrying; the request in flight is let finish.</param>
    /// <exception cref="ChangeFailedException">The item vanished, became unreadable, or kept changing.</exception>
    public Task UpdateAsync(AliasUpdate change, CancellationToken stop) => UpdateAsync(change, change.Before, change.After, stop);

    /// <param name="change">A rewrite of a legacy shape that keeps the values.</param>
    /// <param name="stop">Stops retrying; the request in flight is let finish.</param>
    /// <exception cref="ChangeFailedException">The item vanished, became unreadable, or kept changing.</exception>
    public Task UpdateAsync(AliasShapeFix change, CancellationToken stop) => UpdateAsync(change, change.Before, change.Spec, stop);

    private async Task UpdateAsync(AliasChange change, AliasRecord current, AliasSpec desired, CancellationToken stop)
    {
        var expected = ExpectedOf(current);
        for (var attempt = 1; ; attempt++)
        {
            switch (await TryUpdateAsync(desired, current, expected, stop))
            {
                case Attempt.Written:
                    ledger.Done(new AppliedChange(change, current.Identifier, ApplyOutcome.Written));
                    return;
                case Attempt.Conflict:
                    if (attempt >= context.Options.MaxAttempts)
                    {
                        throw Failed(change, $"kept conflicting with other writes ({attempt} attempts)");
                    }

                    await context.Backoff.DelayAsync(attempt - 1, stop);
                    continue;
            }

            var item = await fetcher.GetAsync(change.Key)
                ?? throw Failed(change, "was deleted by someone else during the apply; run apply again to recreate it");
            var fresh = AliasItemCodec.Decode(item);
            if (!fresh.IsSuccess)
            {
                throw Failed(change, $"can no longer be read: {fresh.Reason}");
            }

            if (IsInPlace(fresh.Record, desired))
            {
                ledger.Done(new AppliedChange(change, fresh.Record.Identifier, ApplyOutcome.AlreadyInPlace));
                return;
            }

            if (attempt >= context.Options.MaxAttempts)
            {
                throw Failed(change, $"kept being changed by someone else during the apply ({attempt} attempts)");
            }

            stop.ThrowIfCancellationRequested();
            current = fresh.Record;
            expected = ExpectedOf(item);
        }
    }

    private async Task<Attempt> TryUpdateAsync(AliasSpec desired, AliasRecord current, ExpectedAttributes expected, CancellationToken stop)
    {
        var assignments = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [TableContract.Destination] = new AttributeValue { S = desired.Destination },
            [TableContract.ActiveAlias] = new AttributeValue { BOOL = desired.State != AliasState.Disabled },
            [TableContract.IgnoreAlias] = new AttributeValue { BOOL = desired.State == AliasState.Paused },
            [TableContract.Application] = new AttributeValue { S = TableContract.ApplicationName },
            [TableContract.FullAddress] = new AttributeValue { S = desired.Key.FullAddress },
        };
        if (AliasSpec.Of(current) != desired)
        {
            // Only a change of value is a modification; rewriting a legacy shape is not.
            assignments[TableContract.ModifiedDatetime] = new AttributeValue { N = context.Now.ToString(CultureInfo.InvariantCulture) };
        }

        var expressions = new ExpressionBuilder();
        var update = new TransactWriteItem
        {
            Update = new Update
            {
                TableName = context.TableName,
                Key = ItemKeyCodec.Encode(desired.Key),
                UpdateExpression = expressions.Set(assignments),
                ConditionExpression = expected.ToCondition(expressions),
                ExpressionAttributeNames = expressions.Names,
                ExpressionAttributeValues = expressions.Values,
            },
        };
        var reasons = await FencedTransaction.TryWriteAsync(context, [update], stop);
        return reasons switch
        {
            null => Attempt.Written,
            [FencedTransaction.ConditionalCheckFailed] => Attempt.ConditionFailed,
            [FencedTransaction.TransactionConflict] => Attempt.Conflict,
            _ => throw new ChangeFailedException($"Could not update {desired.Key}: DynamoDB cancelled the write ({string.Join(", ", reasons)})."),
        };
    }

    /// <summary>The reconciler-owned values of a decoded record; flags in a legacy representation are left unconditioned.</summary>
    private static ExpectedAttributes ExpectedOf(AliasRecord record)
    {
        var expected = new ExpectedAttributes()
            .Equal(TableContract.Identifier, new AttributeValue { S = record.Identifier })
            .Equal(TableContract.Destination, new AttributeValue { S = record.Destination });
        var traits = record.LegacyTraits;
        if (traits.HasFlag(LegacyTraits.ActiveAliasMissing))
        {
            expected.Missing(TableContract.ActiveAlias);
        }
        else if (!traits.HasFlag(LegacyTraits.BooleanNotBool))
        {
            expected.Equal(TableContract.ActiveAlias, new AttributeValue { BOOL = record.State != AliasState.Disabled });
        }

        if (traits.HasFlag(LegacyTraits.IgnoreAliasMissing))
        {
            expected.Missing(TableContract.IgnoreAlias);
        }
        else if (!traits.HasFlag(LegacyTraits.BooleanNotBool))
        {
            var ignore = record.State == AliasState.Paused || traits.HasFlag(LegacyTraits.IgnoredWhileDisabled);
            expected.Equal(TableContract.IgnoreAlias, new AttributeValue { BOOL = ignore });
        }

        return expected;
    }

    /// <summary>The reconciler-owned values exactly as a re-read item holds them.</summary>
    private static ExpectedAttributes ExpectedOf(IReadOnlyDictionary<string, AttributeValue> item) =>
        new ExpectedAttributes()
            .AsRead(item, TableContract.Identifier)
            .AsRead(item, TableContract.Destination)
            .AsRead(item, TableContract.ActiveAlias)
            .AsRead(item, TableContract.IgnoreAlias);

    private static bool IsInPlace(AliasRecord record, AliasSpec desired) =>
        AliasSpec.Of(record) == desired && (record.LegacyTraits & RewrittenTraits) == LegacyTraits.None;

    private static ChangeFailedException Failed(AliasChange change, string what) =>
        new($"Could not update {change.Key}: it {what}.");

    private enum Attempt
    {
        Written,
        ConditionFailed,
        Conflict,
    }
}
