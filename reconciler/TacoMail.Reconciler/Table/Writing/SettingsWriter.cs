using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Writes the settings item whole (like <see cref="ConfigWriter"/>): a full put is safe to repeat,
/// replaces an item that could not be read, and drops attributes an older reconciler wrote.
/// </summary>
internal sealed class SettingsWriter(WriteContext context, ApplyLedger ledger)
{
    public async Task WriteAsync(SettingsChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var item = SettingsItemCodec.Encode(change.After);
        await context.Client.PutItemAsync(new PutItemRequest { TableName = context.TableName, Item = item }, CancellationToken.None);
        ledger.Done(change);
    }
}
