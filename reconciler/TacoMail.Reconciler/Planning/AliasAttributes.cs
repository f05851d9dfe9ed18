using System.Collections.Immutable;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// The attributes an alias change shows, derived from what the change holds, so that a change's
/// attributes can never disagree with its before and after.
/// </summary>
internal static class AliasAttributes
{
    /// <summary>The destination and state where they differ.</summary>
    public static ImmutableArray<AttributeChange> ValueChanges(AliasRecord before, AliasSpec after)
    {
        var changes = ImmutableArray.CreateBuilder<AttributeChange>();
        if (!string.Equals(before.Destination, after.Destination, StringComparison.Ordinal))
        {
            changes.Add(new AttributeChange(AttributeNames.Destination, before.Destination, after.Destination));
        }

        if (before.State != after.State)
        {
            changes.Add(new AttributeChange(AttributeNames.State, before.State.ToName(), after.State.ToName()));
        }

        return changes.ToImmutable();
    }

    /// <summary>Both values of an alias that appears (<paramref name="before"/> null) or goes.</summary>
    public static ImmutableArray<AttributeChange> Describe(AliasSpec? before, AliasSpec? after) =>
    [
        new AttributeChange(AttributeNames.Destination, before?.Destination, after?.Destination),
        new AttributeChange(AttributeNames.State, before?.State.ToName(), after?.State.ToName()),
    ];

    /// <summary>
    /// Attributes an update rewrites to the canonical shape of docs/architecture.md section 3 for items the
    /// earlier API version wrote. Only attributes the applier writes anyway are fixed; numbers
    /// stored as strings are read correctly and left as they are, because one of them may be the
    /// Lambda's <c>use_count</c>, which the reconciler must not write.
    /// </summary>
    public static ImmutableArray<AttributeChange> ShapeFixes(AliasRecord record)
    {
        var traits = record.LegacyTraits;
        var fixes = ImmutableArray.CreateBuilder<AttributeChange>();
        if (traits.HasFlag(LegacyTraits.Application))
        {
            fixes.Add(new AttributeChange(AttributeNames.Application, null, AttributeNames.ApplicationValue));
        }

        if (traits.HasFlag(LegacyTraits.FullAddress))
        {
            fixes.Add(new AttributeChange(AttributeNames.FullAddress, null, record.FullAddress));
        }

        if (traits.HasFlag(LegacyTraits.ActiveAliasMissing) || traits.HasFlag(LegacyTraits.IgnoreAliasMissing)
            || traits.HasFlag(LegacyTraits.BooleanNotBool) || traits.HasFlag(LegacyTraits.IgnoredWhileDisabled))
        {
            fixes.Add(new AttributeChange(AttributeNames.Flags, null, AttributeNames.FlagsCanonical));
        }

        return fixes.ToImmutable();
    }
}
