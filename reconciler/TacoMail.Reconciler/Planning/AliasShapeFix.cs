using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// The rewrite of an item the earlier API version wrote into today's shape, keeping its values.
/// It is applied and counted as an update, but does not touch <c>modified_datetime</c>, since no
/// value changes.
/// </summary>
internal sealed record AliasShapeFix : AliasChange
{
    /// <exception cref="ArgumentNullException"><paramref name="before"/> is null.</exception>
    /// <exception cref="ArgumentException">The item is already in the canonical shape.</exception>
    public AliasShapeFix(AliasRecord before)
        : base((before ?? throw new ArgumentNullException(nameof(before))).Key, Fixes(before))
    {
        Before = before;
        Spec = AliasSpec.Of(before);
    }

    /// <summary>The item as read.</summary>
    public AliasRecord Before { get; }

    /// <summary>The values the item keeps, which are also the YAML's.</summary>
    public AliasSpec Spec { get; }

    public override ChangeAction Action => ChangeAction.Update;

    public override AliasRecord? Affected => null;

    private static ImmutableArray<AttributeChange> Fixes(AliasRecord before)
    {
        var fixes = AliasAttributes.ShapeFixes(before);
        return fixes.IsEmpty
            ? throw new ArgumentException($"{before.Key} is already in the canonical shape; there is nothing to fix.", nameof(before))
            : fixes;
    }
}
