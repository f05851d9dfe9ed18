using System.Text;
using System.Text.Json;

namespace TacoMail.Lambda.Logging;

/// <summary>
/// CloudWatch Embedded Metric Format lines: a log line that CloudWatch also turns into metrics,
/// with no API call and no extra permission. Counts go per <c>Domain</c> and, for the alarms, with
/// no dimension at all (the empty dimension set); the queue age goes with no dimension.
/// </summary>
internal static class MetricsLine
{
    public const string Namespace = "TacoMail";
    public const string Domain = "Domain";
    public const string Delivered = "Delivered";
    public const string Dropped = "Dropped";
    public const string Bounced = "Bounced";
    public const string Queued = "Queued";
    public const string Failed = "Failed";
    public const string QueueOldestAgeSeconds = "QueueOldestAgeSeconds";

    /// <summary>One line per domain with a non-zero count; none when every count is zero.</summary>
    /// <param name="at">The metrics' time.</param>
    /// <param name="counts">By domain, the count of each metric name.</param>
    public static IEnumerable<string> Counts(DateTimeOffset at, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        foreach (var (domain, metrics) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var nonZero = metrics.Where(m => m.Value != 0).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
            if (nonZero.Count > 0)
            {
                yield return Line(at, [[Domain], []], nonZero.Select(m => (m.Key, "Count", (double)m.Value)), (Domain, domain));
            }
        }
    }

    public static string QueueAge(DateTimeOffset at, long seconds) =>
        Line(at, [[]], [(QueueOldestAgeSeconds, "Seconds", seconds)], null);

    private static string Line(
        DateTimeOffset at, string[][] dimensions, IEnumerable<(string Name, string Unit, double Value)> metrics, (string Name, string Value)? dimension)
    {
        var values = metrics.ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("_aws");
            writer.WriteNumber("Timestamp", at.ToUnixTimeMilliseconds());
            writer.WriteStartArray("CloudWatchMetrics");
            writer.WriteStartObject();
            writer.WriteString("Namespace", Namespace);
            writer.WriteStartArray("Dimensions");
            foreach (var set in dimensions)
            {
                writer.WriteStartArray();
                foreach (var name in set)
                {
                    writer.WriteStringValue(name);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("Metrics");
            foreach (var (name, unit, _) in values)
            {
                writer.WriteStartObject();
                writer.WriteString("Name", name);
                writer.WriteString("Unit", unit);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            if (dimension is { } d)
            {
                writer.WriteString(d.Name, d.Value);
            }

            foreach (var (name, _, value) in values)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
