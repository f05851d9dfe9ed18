using System.Text.Json;
using TacoMail.Lambda.Logging;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>Keeps the delivery handler's log lines, one per invocation.</summary>
internal sealed class DeliveryLogSink : ILogSink
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The last line, parsed.</summary>
    public JsonElement Last => JsonDocument.Parse(Lines[^1]).RootElement;

    public void Write(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
