using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Writes the settings item whole (like <see cref="ConfigWriter"/>): a full put is safe to repeat,
/// replaces an item that could not be read, and drops attributes an older reconciler wrote.
/// </summary>
internal sealed class SettingsWriter(WriteContext context, ApplyLedger ledger)
{
    /// <exception cref="FenceLapsedException">The lease lapsed; the item was not written.</exception>
    /// <exception cref="ChangeFailedException">The put conflicted with another write of the item.</exception>
    public async Task WriteAsync(SettingsChange change, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(change);
        await ConfigWriter.PutWholeAsync(context, SettingsItemCodec.Encode(change.After), TableContract.ConfigSettingsKey, stop);
        ledger.Done(change);
    }
}
