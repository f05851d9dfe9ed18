using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// One planned change to an alias item (Terraform's <c>plans/changes.go</c>). The set is closed —
/// <see cref="AliasCreate"/>, <see cref="AliasUpdate"/>, <see cref="AliasShapeFix"/>,
/// <see cref="AliasRename"/>, <see cref="AliasDelete"/> — and each type holds exactly what its
/// action needs and checks it when built, so that a plan the applier cannot carry out cannot be
/// made, and no one re-checks a change at run time.
/// </summary>
internal abstract record AliasChange
{
    private protected AliasChange(ItemKey key, ImmutableArray<AttributeChange> attributes)
    {
        Key = key;
        Attributes = attributes;
    }

    /// <summary>The item the change leaves behind: the new address for a rename.</summary>
    public ItemKey Key { get; }

    /// <summary>The domain the change is grouped under (the new one for a rename).</summary>
    public string Domain => Key.SubDomain;

    /// <summary>How the change is counted and named; a shape fix counts as an update.</summary>
    public abstract ChangeAction Action { get; }

    /// <summary>Every reconciler-owned attribute whose value changes, as the user reads it.</summary>
    public ImmutableArray<AttributeChange> Attributes { get; }

    /// <summary>
    /// The item as read when the change pauses, disables, deletes, renames or redirects it — what
    /// its senders or its owner would notice; null for a change that cannot lose mail.
    /// </summary>
    public abstract AliasRecord? Affected { get; }

    /// <summary>
    /// The usage of <see cref="Affected"/>, set by the planner (which knows the time); null when
    /// nothing is affected or the change was built outside a plan.
    /// </summary>
    public AliasUsage? Usage { get; init; }

    /// <summary>
    /// The due expiry this change carries out, set by the planner when the change sets the state an
    /// <c>expires</c> gives; null otherwise. It marks what the nightly run may apply on its own.
    /// </summary>
    public ScheduledExpiry? Expiry { get; init; }
}
