using System.Text.Json;
using TacoMail.Lambda.Logging;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>Keeps the delivery handler's log lines, one per invocation, apart from its metric lines.</summary>
internal sealed class DeliveryLogSink : ILogSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines.Where(l => !IsMetric(l))];
            }
        }
    }

    /// <summary>The CloudWatch embedded-format metric lines.</summary>
    public IReadOnlyList<string> MetricLines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines.Where(IsMetric)];
            }
        }
    }

    /// <summary>The last line, parsed.</summary>
    public JsonElement Last => JsonDocument.Parse(Lines[^1]).RootElement;

    private static bool IsMetric(string line) => line.StartsWith("{\"_aws\":", StringComparison.Ordinal);

    public void Write(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
