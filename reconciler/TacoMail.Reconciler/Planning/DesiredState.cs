using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// What the YAML asks the table to hold, in table terms (punycode domains, lower-case keys).
/// Built by <c>DesiredStateBuilder</c> from a validated configuration, so the planner never
/// sees YAML.
/// </summary>
internal sealed record DesiredState(
    ImmutableSortedDictionary<ItemKey, AliasSpec> Aliases,
    ImmutableArray<Rename> Renames,
    ImmutableSortedSet<string> SubDomains,
    ImmutableSortedSet<string> Destinations);
