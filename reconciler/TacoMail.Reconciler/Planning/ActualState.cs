using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// What the table holds, as read by a full scan. Items the codec cannot read are kept aside in
/// <see cref="Unreadable"/> so that they are reported and left alone rather than deleted — except
/// the settings item, which apply rewrites whole anyway: it is kept in
/// <see cref="UnreadableSettings"/> and planned as absent.
/// </summary>
/// <param name="Aliases">The alias items.</param>
/// <param name="ConfigSets">The <c>sub_domains</c> and <c>destinations</c> items.</param>
/// <param name="Unreadable">Items that could not be decoded, other than the settings item.</param>
/// <param name="Settings">The settings item, or null when the table has none (or an unreadable one).</param>
/// <param name="UnreadableSettings">The settings item when it could not be decoded.</param>
internal sealed record ActualState(
    ImmutableSortedDictionary<ItemKey, AliasRecord> Aliases,
    ImmutableDictionary<ConfigSetKind, ConfigSetRecord> ConfigSets,
    ImmutableArray<ScannedUnreadableItem> Unreadable,
    ScannedSettingsItem? Settings = null,
    ScannedUnreadableItem? UnreadableSettings = null)
{
    public static ActualState Empty { get; } = new(
        ImmutableSortedDictionary<ItemKey, AliasRecord>.Empty,
        ImmutableDictionary<ConfigSetKind, ConfigSetRecord>.Empty,
        []);

    /// <summary>Sorts scanned items into aliases, configuration sets, the settings item and unreadable items.</summary>
    public static ActualState FromScan(IEnumerable<ScannedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var aliases = ImmutableSortedDictionary.CreateBuilder<ItemKey, AliasRecord>();
        var configSets = ImmutableDictionary.CreateBuilder<ConfigSetKind, ConfigSetRecord>();
        var unreadable = ImmutableArray.CreateBuilder<ScannedUnreadableItem>();
        ScannedSettingsItem? settings = null;
        ScannedUnreadableItem? unreadableSettings = null;
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
                case ScannedSettingsItem stored:
                    settings = stored;
                    break;
                case ScannedUnreadableItem bad when bad.Key == SettingsItemCodec.Key:
                    unreadableSettings = bad;
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
        return new ActualState(aliases.ToImmutable(), configSets.ToImmutable(), unreadable.ToImmutable(), settings, unreadableSettings);
    }
}
