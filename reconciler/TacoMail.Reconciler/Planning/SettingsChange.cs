using System.Collections.Immutable;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// A planned write of the settings item (<c>tacomail-config</c>, <c>settings</c>): the routing
/// settings and safety thresholds declared in tacomail.yaml, which the Lambda and
/// <c>tacomail route</c> read from the table. The item is always written whole.
/// <list type="table">
/// <listheader><term>Action</term><description>Before / UnreadableReason / Attributes</description></listheader>
/// <item><term>Create</term><description>null / null / every setting, old value null</description></item>
/// <item><term>Update</term><description>item as read / null / the settings that differ</description></item>
/// <item><term>Update of an unreadable item</term><description>null / why it could not be read / every setting, old value null</description></item>
/// </list>
/// </summary>
/// <param name="Before">The settings the table holds, or null when there is no readable item.</param>
/// <param name="UnreadableReason">Why the table's item could not be decoded; the write replaces it.</param>
/// <param name="After">The settings tacomail.yaml declares.</param>
/// <param name="Attributes">The settings that change, named by their tacomail.yaml keys.</param>
internal sealed record SettingsChange(
    DeclaredSettings? Before,
    string? UnreadableReason,
    DeclaredSettings After,
    ImmutableArray<AttributeChange> Attributes)
{
    public ChangeAction Action => Before is null && UnreadableReason is null ? ChangeAction.Create : ChangeAction.Update;
}
