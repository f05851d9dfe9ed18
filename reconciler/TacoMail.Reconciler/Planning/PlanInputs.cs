using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// Narrows the planner's inputs to a <see cref="PlanScope"/>, so that every scope is planned by the
/// same <see cref="Planner"/> and its changes are the same records, checked the same way.
/// </summary>
internal static class PlanInputs
{
    /// <summary>The desired and actual state whose plan holds exactly the differences of <paramref name="scope"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown scope.</exception>
    public static (DesiredState Desired, ActualState Actual) For(PlanScope scope, DesiredState desired, ActualState actual, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        return scope switch
        {
            PlanScope.All => (desired, actual),
            PlanScope.DueExpiries => (TableAsDeclared(desired, actual), actual),
            PlanScope.Drift => (desired, WithDueExpiriesApplied(desired, actual, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown plan scope."),
        };
    }

    /// <summary>
    /// The table's own aliases and sets as the desired state, keeping the YAML's expiries: planning
    /// it changes only the state of the aliases whose expiry is due.
    /// </summary>
    private static DesiredState TableAsDeclared(DesiredState desired, ActualState actual) =>
        new(
            actual.Aliases.ToImmutableSortedDictionary(entry => entry.Key, entry => AliasSpec.Of(entry.Value)),
            [],
            ValuesOf(actual, ConfigSetKind.SubDomains),
            ValuesOf(actual, ConfigSetKind.Destinations))
        {
            Expiries = desired.Expiries,
        };

    /// <summary>The table as it will be once the nightly run has applied the due expiries.</summary>
    private static ActualState WithDueExpiriesApplied(DesiredState desired, ActualState actual, DateTimeOffset now) =>
        actual with
        {
            Aliases = actual.Aliases.ToImmutableSortedDictionary(
                entry => entry.Key,
                entry => desired.Expiries.TryGetValue(entry.Key, out var expiry)
                    ? entry.Value with { State = expiry.StateAt(entry.Value.State, now) }
                    : entry.Value),
        };

    private static ImmutableSortedSet<string> ValuesOf(ActualState actual, ConfigSetKind kind) =>
        actual.ConfigSets.TryGetValue(kind, out var set) ? set.Values.ToImmutableSortedSet(StringComparer.Ordinal) : [];
}
