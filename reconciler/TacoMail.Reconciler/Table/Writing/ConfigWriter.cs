using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Writes a <c>tacomail-config</c> item whole. A full put (rather than an update) also drops the
/// legacy <c>configValues</c> attribute and removes <c>configValue</c> when the set is empty. The
/// put is a transaction so that it carries the lock's fence.
/// </summary>
internal sealed class ConfigWriter(WriteContext context, ApplyLedger ledger)
{
    /// <exception cref="FenceLapsedException">The lease lapsed; the item was not written.</exception>
    /// <exception cref="ChangeFailedException">The put conflicted with another write of the item.</exception>
    public async Task WriteAsync(ConfigChange change, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(change);
        var item = ConfigItemCodec.Encode(new ConfigSetRecord(change.Kind, change.After));
        await PutWholeAsync(context, item, ConfigSetRecord.SortKeyOf(change.Kind), stop);
        ledger.Done(change);
    }

    /// <summary>Puts one item whole under the fence (shared with <see cref="SettingsWriter"/>).</summary>
    internal static async Task PutWholeAsync(WriteContext context, Dictionary<string, AttributeValue> item, string name, CancellationToken stop)
    {
        var put = new TransactWriteItem { Put = new Put { TableName = context.TableName, Item = item } };
        if (await FencedTransaction.TryWriteAsync(context, [put], stop) is { } reasons)
        {
            throw new ChangeFailedException(
                $"Could not write the {name} configuration item: DynamoDB cancelled the write ({string.Join(", ", reasons)}); run apply again.");
        }
    }
}
