using System.Globalization;

namespace TacoMail.Reconciler.Durations;

/// <summary>
/// Writes durations for people: in the tacomail.yaml form that <see cref="DurationParser"/> reads
/// back (<c>5d</c>, <c>36h</c>, <c>90m</c>), and as a rounded age (<c>2 h 10 min</c>) for listings,
/// where the exact second matters less than reading it at a glance.
/// </summary>
internal static class DurationText
{
    /// <summary>
    /// The largest whole unit of days, hours or minutes, so that <c>export</c> writes back what was
    /// declared (36 hours stays <c>36h</c>, not <c>1.5d</c>). Seconds are rounded to the nearest minute:
    /// tacomail.yaml has no smaller unit.
    /// </summary>
    public static string ToYaml(TimeSpan duration)
    {
        var minutes = (long)Math.Round(Math.Max(0, duration.TotalMinutes), MidpointRounding.AwayFromZero);
        return minutes switch
        {
            0 => "0m",
            _ when minutes % (24 * 60) == 0 => Whole(minutes / (24 * 60), "d"),
            _ when minutes % 60 == 0 => Whole(minutes / 60, "h"),
            _ => Whole(minutes, "m"),
        };
    }

    /// <summary>
    /// A short age such as <c>45 s</c>, <c>12 min</c>, <c>2 h 10 min</c> or <c>3 d 4 h</c>: two units at
    /// most, truncated, never negative (a clock running behind S3's shows <c>0 s</c>).
    /// </summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age switch
        {
            { TotalMinutes: < 1 } => $"{Whole(age.Seconds, " s")}",
            { TotalHours: < 1 } => Whole(age.Minutes, " min"),
            { TotalDays: < 1 } => Pair(age.Hours, " h", age.Minutes, " min"),
            _ => Pair((long)age.TotalDays, " d", age.Hours, " h"),
        };
    }

    private static string Pair(long first, string firstUnit, int second, string secondUnit) =>
        second == 0 ? Whole(first, firstUnit) : $"{Whole(first, firstUnit)} {Whole(second, secondUnit)}";

    private static string Whole(long value, string unit) => value.ToString(CultureInfo.InvariantCulture) + unit;
}
