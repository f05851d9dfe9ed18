using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Writes a <c>tacomail-config</c> item whole. A full put (rather than an update) also drops the
/// legacy <c>configValues</c> attribute and removes <c>configValue</c> when the set is empty.
/// </summary>
internal sealed class ConfigWriter(WriteContext context, ApplyLedger ledger)
{
    public async Task WriteAsync(ConfigChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var item = ConfigItemCodec.Encode(new ConfigSetRecord(change.Kind, change.After));
        await context.Client.PutItemAsync(new PutItemRequest { TableName = context.TableName, Item = item }, CancellationToken.None);
        ledger.Done(change);
    }
}
