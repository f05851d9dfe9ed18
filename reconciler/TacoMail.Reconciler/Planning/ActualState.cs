using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// What the table holds, as read by a full scan. Items the codec cannot read are kept aside in
/// <see cref="Unreadable"/> so that they are reported and left alone rather than deleted.
/// </summary>
internal sealed record ActualState(
    ImmutableSortedDictionary<ItemKey, AliasRecord> Aliases,
    ImmutableDictionary<ConfigSetKind, ConfigSetRecord> ConfigSets,
    ImmutableArray<ScannedUnreadableItem> Unreadable)
{
    public static ActualState Empty { get; } = new(
        ImmutableSortedDictionary<ItemKey, AliasRecord>.Empty,
        ImmutableDictionary<ConfigSetKind, ConfigSetRecord>.Empty,
        []);

    /// <summary>Sorts scanned items into aliases, configuration sets and unreadable items.</summary>
    public static ActualState FromScan(IEnumerable<ScannedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var aliases = ImmutableSortedDictionary.CreateBuilder<ItemKey, AliasRecord>();
        var configSets = ImmutableDictionary.CreateBuilder<ConfigSetKind, ConfigSetRecord>();
        var unreadable = ImmutableArray.CreateBuilder<ScannedUnreadableItem>();
        foreach (var item in items)
        {
            switch (item)
            {
                case ScannedAliasItem alias:
                    aliases[alias.Record.Key] = alias.Record;
                    break;
                case ScannedConfigItem config:
                    configSets[config.Record.Kind] = config.Record;
                    break;
                case ScannedUnreadableItem bad:
                    unreadable.Add(bad);
                    break;
                default:
                    // The lock and unknown tacomail-config items belong to no alias; leave them be.
                    break;
            }
        }

        unreadable.Sort((a, b) => string.CompareOrdinal(a.Key?.ToString(), b.Key?.ToString()));
        return new ActualState(aliases.ToImmutable(), configSets.ToImmutable(), unreadable.ToImmutable());
    }
}
