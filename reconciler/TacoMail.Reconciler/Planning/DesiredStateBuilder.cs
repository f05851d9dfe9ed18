using System.Collections.Immutable;
using TacoMail.Reconciler.Config;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>Translates a validated configuration into table terms for the planner.</summary>
internal static class DesiredStateBuilder
{
    public static DesiredState From(TacoMailConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var aliases = config.Aliases.ToImmutableSortedDictionary(
            alias => KeyOf(alias.Address),
            alias => new AliasSpec(KeyOf(alias.Address), alias.Destination, alias.State));
        return new DesiredState(
            aliases,
            [.. config.Moves.Select(move => new Rename(KeyOf(move.From), KeyOf(move.To)))],
            config.Domains.Select(domain => domain.Value).ToImmutableSortedSet(StringComparer.Ordinal),
            config.Destinations.ToImmutableSortedSet(StringComparer.Ordinal),
            config.Settings)
        {
            Expiries = config.Aliases
                .Where(alias => alias.Expiry is not null)
                .ToImmutableSortedDictionary(
                    alias => KeyOf(alias.Address),
                    alias => new ScheduledExpiry(KeyOf(alias.Address), alias.Expiry!.At, alias.Expiry.Then)),
        };
    }

    public static ItemKey KeyOf(AliasAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new ItemKey(address.Domain.Value, address.LocalPart.Value);
    }
}
