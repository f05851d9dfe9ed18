using System.Collections.Immutable;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// Diffs desired against actual state into a <see cref="Plan"/>. A pure function: no I/O, no
/// clock, no random numbers (identifiers and timestamps are the applier's), so the same inputs
/// always give the same plan — which is what lets a saved plan be checked for staleness. The time
/// is an input: it decides which <c>expires</c> are due (an expired alias is planned in the state
/// it expires into) and which are coming, and how recently an affected alias was used.
/// </summary>
/// <remarks>
/// The safety thresholds are the stricter of the YAML's and those stored in the table's settings
/// item: a change that loosens them is itself checked against the ones in force, so loosening the
/// limits and deleting in the same change takes <c>--force</c>.
/// </remarks>
internal static class Planner
{
    /// <param name="desired">What the YAML declares.</param>
    /// <param name="actual">What the table holds.</param>
    /// <param name="thresholds">The YAML's safety thresholds.</param>
    /// <param name="now">When the plan is made, from the caller's <see cref="TimeProvider"/>.</param>
    /// <param name="scope">Which differences to plan: all of them, only the due expiries, or the drift.</param>
    public static Plan Plan(DesiredState desired, ActualState actual, SafetyThresholds thresholds, DateTimeOffset now, PlanScope scope = PlanScope.All)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(thresholds);
        (desired, actual) = PlanInputs.For(scope, desired, actual, now);

        var wanted = desired.Aliases.ToImmutableSortedDictionary(
            entry => entry.Key,
            entry => desired.Expiries.TryGetValue(entry.Key, out var expiry)
                ? entry.Value with { State = expiry.StateAt(entry.Value.State, now) }
                : entry.Value);
        var changes = new List<AliasChange>();
        var renamedFrom = new HashSet<ItemKey>();
        var renamedTo = new HashSet<ItemKey>();
        foreach (var rename in desired.Renames)
        {
            // A rename applies while the old item exists and the new one does not; after that it
            // is history, and the new address is planned like any other.
            if (actual.Aliases.TryGetValue(rename.From, out var old)
                && !actual.Aliases.ContainsKey(rename.To)
                && wanted.TryGetValue(rename.To, out var spec))
            {
                changes.Add(new AliasRename(old, spec));
                renamedFrom.Add(rename.From);
                renamedTo.Add(rename.To);
            }
        }

        foreach (var (key, spec) in wanted)
        {
            if (renamedTo.Contains(key))
            {
                continue;
            }

            if (!actual.Aliases.TryGetValue(key, out var record))
            {
                changes.Add(new AliasCreate(spec));
            }
            else if (AliasSpec.Of(record) != spec)
            {
                changes.Add(new AliasUpdate(record, spec));
            }
            else if (!AliasAttributes.ShapeFixes(record).IsEmpty)
            {
                changes.Add(new AliasShapeFix(record));
            }
        }

        foreach (var (key, record) in actual.Aliases)
        {
            if (!desired.Aliases.ContainsKey(key) && !renamedFrom.Contains(key))
            {
                changes.Add(new AliasDelete(record));
            }
        }

        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Affected is { } affected)
            {
                changes[i] = changes[i] with { Usage = AliasUsage.Of(affected, now) };
            }

            if (DueExpiryOf(changes[i], desired, now) is { } expiry)
            {
                changes[i] = changes[i] with { Expiry = expiry };
            }
        }

        var dueOnly = scope == PlanScope.DueExpiries;
        if (dueOnly)
        {
            // The table as its own desired state still differs in legacy shapes; those are not due.
            changes.RemoveAll(change => change.Expiry is null);
        }

        var inForce = actual.Settings is { } stored ? thresholds.StricterOf(stored.Settings.Safety) : thresholds;
        return new Plan(
            dueOnly ? [] : ConfigChanges(desired, actual),
            dueOnly ? null : SettingsChangeOf(desired, actual),
            DomainChanges.Group(changes),
            SafetyRules.Check(changes, actual.Aliases.Count, inForce),
            actual.Unreadable,
            actual.Aliases.Count,
            StateDigest.Of(desired, actual, now))
        {
            Expiring = [.. desired.Expiries.Values
                .Where(e => e.IsComingAt(now) && desired.Aliases.TryGetValue(e.Key, out var spec) && e.Expire(spec.State) != spec.State)
                .OrderBy(e => e.At)
                .ThenBy(e => e.Key)],
            Scope = scope,
        };
    }

    /// <summary>The due expiry a change carries out: it sets the state that expiry gives.</summary>
    private static ScheduledExpiry? DueExpiryOf(AliasChange change, DesiredState desired, DateTimeOffset now)
    {
        if (!desired.Expiries.TryGetValue(change.Key, out var expiry) || !expiry.IsDueAt(now))
        {
            return null;
        }

        var declared = desired.Aliases[change.Key].State;
        var expired = expiry.Expire(declared);
        if (expired == declared)
        {
            return null;
        }

        return change.Attributes.Any(a => a.Name == AttributeNames.State && a.After == PlanWords.State(expired)) ? expiry : null;
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
}
