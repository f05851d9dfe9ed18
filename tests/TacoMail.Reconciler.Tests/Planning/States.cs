using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Tests.Planning;

/// <summary>Builds desired and actual states for planner tests.</summary>
internal static class States
{
    public static ItemKey Key(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return new ItemKey(address[(at + 1)..], address[..at]);
    }

    public static AliasSpec Spec(string address, string destination = "me@gmail.com", AliasState state = AliasState.Active) =>
        new(Key(address), destination, state);

    public static AliasRecord Record(
        string address,
        string destination = "me@gmail.com",
        AliasState state = AliasState.Active,
        string? identifier = null,
        long useCount = 3) =>
        new(Key(address), destination, state, identifier ?? $"id-{address}", 1_700_000_000, 1_700_000_100, useCount);

    public static DesiredState Desired(IEnumerable<AliasSpec> aliases, IEnumerable<Rename>? renames = null) =>
        new(
            aliases.ToImmutableSortedDictionary(a => a.Key, a => a),
            [.. renames ?? []],
            aliases.Select(a => a.Key.SubDomain).ToImmutableSortedSet(StringComparer.Ordinal),
            aliases.Select(a => a.Destination).ToImmutableSortedSet(StringComparer.Ordinal));

    public static ActualState Actual(IEnumerable<AliasRecord> records, DesiredState? configFrom = null)
    {
        var config = ImmutableDictionary<ConfigSetKind, ConfigSetRecord>.Empty;
        if (configFrom is not null)
        {
            config = config
                .Add(ConfigSetKind.SubDomains, new ConfigSetRecord(ConfigSetKind.SubDomains, configFrom.SubDomains))
                .Add(ConfigSetKind.Destinations, new ConfigSetRecord(ConfigSetKind.Destinations, configFrom.Destinations));
        }

        return new ActualState(records.ToImmutableSortedDictionary(r => r.Key, r => r), config, []);
    }
}
