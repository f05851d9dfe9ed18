using System.Collections.Immutable;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// What the YAML asks the table to hold, in table terms (punycode domains, lower-case keys).
/// Built by <c>DesiredStateBuilder</c> from a validated configuration, so the planner never
/// sees YAML.
/// </summary>
/// <param name="Aliases">The aliases by key.</param>
/// <param name="Renames">The moves.</param>
/// <param name="SubDomains">The <c>sub_domains</c> configuration set.</param>
/// <param name="Destinations">The <c>destinations</c> configuration set.</param>
/// <param name="Settings">
/// The settings item to write; null leaves the table's settings item alone (tests that plan
/// only aliases).
/// </param>
internal sealed record DesiredState(
    ImmutableSortedDictionary<ItemKey, AliasSpec> Aliases,
    ImmutableArray<Rename> Renames,
    ImmutableSortedSet<string> SubDomains,
    ImmutableSortedSet<string> Destinations,
    DeclaredSettings? Settings = null)
{
    /// <summary>
    /// The aliases' <c>expires</c>, by key. <see cref="Aliases"/> hold the declared states; the
    /// planner, which knows the time, applies the expiries that are due.
    /// </summary>
    public ImmutableSortedDictionary<ItemKey, ScheduledExpiry> Expiries { get; init; } =
        ImmutableSortedDictionary<ItemKey, ScheduledExpiry>.Empty;
}
