namespace TacoMail.Bench.ColdStart;

/// <summary>Median, 90th percentile (nearest rank), minimum and maximum of a sample.</summary>
internal sealed record Summary(double Median, double P90, double Min, double Max)
{
    public static Summary Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("An empty sample has no summary.", nameof(values));
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
        return new Summary(median, p90, sorted[0], sorted[^1]);
    }
}
