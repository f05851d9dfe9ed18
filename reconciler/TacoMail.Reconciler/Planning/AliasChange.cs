using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// One planned change to an alias item. What the members hold depends on the action:
/// <list type="table">
/// <listheader><term>Action</term><description>Key / From / Before / After</description></listheader>
/// <item><term>Create</term><description>new address / null / null / desired spec</description></item>
/// <item><term>Update</term><description>address / null / item as read / desired spec</description></item>
/// <item><term>Delete</term><description>address / null / item as read / null</description></item>
/// <item><term>Rename</term><description>new address / old address / old item as read / desired spec</description></item>
/// </list>
/// <see cref="Attributes"/> names every reconciler-owned attribute whose value changes; an
/// update whose only attributes are shape fixes rewrites an item the earlier API version wrote.
/// </summary>
internal sealed record AliasChange(
    ChangeAction Action,
    ItemKey Key,
    ItemKey? From,
    AliasRecord? Before,
    AliasSpec? After,
    ImmutableArray<AttributeChange> Attributes)
{
    /// <summary>The domain the change is grouped under (the new one for a rename).</summary>
    public string Domain => Key.SubDomain;
}
