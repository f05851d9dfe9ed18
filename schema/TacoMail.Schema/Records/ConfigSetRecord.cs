using System.Collections.Immutable;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Records;

/// <summary>
/// One reserved configuration item under <c>tacomail-config</c> (<c>sub_domains</c> or
/// <c>destinations</c>): a set of strings that existing frontends read from the String Set
/// attribute <c>configValue</c>. Values are kept ordinally sorted so encoding and rendering are
/// deterministic.
/// </summary>
/// <remarks>
/// Equality compares the values as a set (plus kind and <see cref="LegacyTraits"/>), unlike the
/// reference equality a record would otherwise give a collection. Throws
/// <see cref="ArgumentNullException"/> when the values or one of them is null, and
/// <see cref="ArgumentOutOfRangeException"/> on an undefined kind.
/// </remarks>
public sealed record ConfigSetRecord
{
    public ConfigSetRecord(ConfigSetKind kind, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined configuration set.");
        }

        var set = values.ToImmutableSortedSet(StringComparer.Ordinal);
        if (set.Contains(null!))
        {
            throw new ArgumentNullException(nameof(values), "A configuration value is null.");
        }

        Kind = kind;
        Values = set;
    }

    public ConfigSetKind Kind { get; }

    /// <summary>The item's sort key for <see cref="Kind"/>.</summary>
    public ItemKey Key => new(TableContract.ConfigPartition, SortKeyOf(Kind));

    /// <summary>The values, ordinally sorted; empty when the item has no <c>configValue</c>.</summary>
    public ImmutableSortedSet<string> Values { get; }

    /// <summary>How the item this record was read from differs from the canonical shape.</summary>
    public LegacyTraits LegacyTraits { get; init; }

    /// <summary>True when the item should be rewritten to the canonical shape.</summary>
    public bool HasLegacyShape => LegacyTraits != LegacyTraits.None;

    /// <summary>The sort key of the configuration item of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined kind.</exception>
    public static string SortKeyOf(ConfigSetKind kind) => kind switch
    {
        ConfigSetKind.SubDomains => TableContract.ConfigSubDomainsKey,
        ConfigSetKind.Destinations => TableContract.ConfigDestinationsKey,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined configuration set."),
    };

    public bool Equals(ConfigSetRecord? other) =>
        other is not null
        && Kind == other.Kind
        && LegacyTraits == other.LegacyTraits
        && Values.SetEquals(other.Values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        hash.Add(LegacyTraits);
        foreach (var value in Values)
        {
            hash.Add(value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }
}
