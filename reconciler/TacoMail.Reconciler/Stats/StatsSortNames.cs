using System.Collections.Immutable;

namespace TacoMail.Reconciler.Stats;

/// <summary>The <c>--sort</c> words of <see cref="StatsSort"/>, spelled once for the option, its check and the JSON.</summary>
internal static class StatsSortNames
{
    public const string LastUsed = "last-used";
    public const string Uses = "uses";
    public const string Address = "address";

    /// <summary>The accepted <c>--sort</c> values, the default first.</summary>
    public static ImmutableArray<string> Names { get; } = [LastUsed, Uses, Address];

    /// <exception cref="ArgumentOutOfRangeException">An undefined sort.</exception>
    public static string ToName(this StatsSort sort) => sort switch
    {
        StatsSort.LastUsed => LastUsed,
        StatsSort.Uses => Uses,
        StatsSort.Address => Address,
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Undefined stats sort."),
    };

    /// <summary>Reads a <c>--sort</c> value (case-sensitive, like every CLI value).</summary>
    public static bool TryParse(string? name, out StatsSort sort)
    {
        (var known, sort) = name switch
        {
            LastUsed => (true, StatsSort.LastUsed),
            Uses => (true, StatsSort.Uses),
            Address => (true, StatsSort.Address),
            _ => (false, StatsSort.LastUsed),
        };
        return known;
    }
}
