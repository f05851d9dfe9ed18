using System.Collections.Immutable;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// Diffs desired against actual state into a <see cref="Plan"/>. A pure function: no I/O, no
/// clock, no random numbers (identifiers and timestamps are the applier's), so the same inputs
/// always give the same plan — which is what lets a saved plan be checked for staleness.
/// </summary>
/// <remarks>
/// The safety thresholds are the stricter of the YAML's and those stored in the table's settings
/// item: a change that loosens them is itself checked against the ones in force, so loosening the
/// limits and deleting in the same change takes <c>--force</c>.
/// </remarks>
internal static class Planner
{
    public static Plan Plan(DesiredState desired, ActualState actual, SafetyThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(thresholds);

        var changes = new List<AliasChange>();
        var renamedFrom = new HashSet<ItemKey>();
        var renamedTo = new HashSet<ItemKey>();
        foreach (var rename in desired.Renames)
        {
            // A rename applies while the old item exists and the new one does not; after that it
            // is history, and the new address is planned like any other.
            if (actual.Aliases.TryGetValue(rename.From, out var old)
                && !actual.Aliases.ContainsKey(rename.To)
                && desired.Aliases.TryGetValue(rename.To, out var spec))
            {
                changes.Add(new AliasChange(ChangeAction.Rename, rename.To, rename.From, old, spec, ValueChanges(old, spec)));
                renamedFrom.Add(rename.From);
                renamedTo.Add(rename.To);
            }
        }

        foreach (var (key, spec) in desired.Aliases)
        {
            if (renamedTo.Contains(key))
            {
                continue;
            }

            if (!actual.Aliases.TryGetValue(key, out var record))
            {
                changes.Add(new AliasChange(ChangeAction.Create, key, null, null, spec, Describe(null, spec)));
                continue;
            }

            var attributes = ValueChanges(record, spec).AddRange(ShapeFixes(record));
            if (!attributes.IsEmpty)
            {
                changes.Add(new AliasChange(ChangeAction.Update, key, null, record, spec, attributes));
            }
        }

        foreach (var (key, record) in actual.Aliases)
        {
            if (!desired.Aliases.ContainsKey(key) && !renamedFrom.Contains(key))
            {
                changes.Add(new AliasChange(ChangeAction.Delete, key, null, record, null, Describe(AliasSpec.Of(record), null)));
            }
        }

        changes.Sort((a, b) => a.Key.CompareTo(b.Key));
        var aliasChanges = changes.ToImmutableArray();
        var inForce = actual.Settings is { } stored ? thresholds.StricterOf(stored.Settings.Safety) : thresholds;
        return new Plan(
            ConfigChanges(desired, actual),
            SettingsChangeOf(desired, actual),
            aliasChanges,
            SafetyRules.Check(aliasChanges, actual.Aliases.Count, inForce),
            actual.Unreadable,
            actual.Aliases.Count,
            StateDigest.Of(desired, actual));
    }

    private static ImmutableArray<ConfigChange> ConfigChanges(DesiredState desired, ActualState actual)
    {
        var changes = ImmutableArray.CreateBuilder<ConfigChange>();
        foreach (var (kind, wanted) in new[] { (ConfigSetKind.SubDomains, desired.SubDomains), (ConfigSetKind.Destinations, desired.Destinations) })
        {
            if (!actual.ConfigSets.TryGetValue(kind, out var current))
            {
                if (!wanted.IsEmpty)
                {
                    changes.Add(new ConfigChange(ChangeAction.Create, kind, null, wanted));
                }
            }
            else if (!current.Values.SetEquals(wanted) || current.HasLegacyShape)
            {
                changes.Add(new ConfigChange(ChangeAction.Update, kind, current.Values, wanted));
            }
        }

        return changes.ToImmutable();
    }

    private static SettingsChange? SettingsChangeOf(DesiredState desired, ActualState actual)
    {
        if (desired.Settings is not { } wanted)
        {
            return null;
        }

        var current = actual.Settings?.Settings;
        if (current == wanted)
        {
            return null;
        }

        return new SettingsChange(current, actual.UnreadableSettings?.Reason, wanted, SettingsAttributes.Diff(current, wanted));
    }

    private static ImmutableArray<AttributeChange> ValueChanges(AliasRecord before, AliasSpec after)
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

    private static ImmutableArray<AttributeChange> Describe(AliasSpec? before, AliasSpec? after) =>
    [
        new AttributeChange(AttributeNames.Destination, before?.Destination, after?.Destination),
        new AttributeChange(AttributeNames.State, before is null ? null : before.State.ToName(), after is null ? null : after.State.ToName()),
    ];

    /// <summary>
    /// Attributes an update rewrites to the canonical shape of docs/architecture.md section 3 for items the
    /// earlier API version wrote. Only attributes the applier writes anyway are fixed; numbers
    /// stored as strings are read correctly and left as they are, because one of them may be the
    /// Lambda's <c>use_count</c>, which the reconciler must not write.
    /// </summary>
    private static IEnumerable<AttributeChange> ShapeFixes(AliasRecord record)
    {
        var traits = record.LegacyTraits;
        if (traits.HasFlag(LegacyTraits.Application))
        {
            yield return new AttributeChange(AttributeNames.Application, null, AttributeNames.ApplicationValue);
        }

        if (traits.HasFlag(LegacyTraits.FullAddress))
        {
            yield return new AttributeChange(AttributeNames.FullAddress, null, record.FullAddress);
        }

        if (traits.HasFlag(LegacyTraits.ActiveAliasMissing) || traits.HasFlag(LegacyTraits.IgnoreAliasMissing)
            || traits.HasFlag(LegacyTraits.BooleanNotBool) || traits.HasFlag(LegacyTraits.IgnoredWhileDisabled))
        {
            yield return new AttributeChange(AttributeNames.Flags, null, AttributeNames.FlagsCanonical);
        }
    }
}
