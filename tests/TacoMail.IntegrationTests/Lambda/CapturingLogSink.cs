using System.Text.Json;
using TacoMail.Lambda.Logging;

namespace TacoMail.IntegrationTests.Lambda;

/// <summary>Keeps the log lines the handler writes.</summary>
internal sealed class CapturingLogSink : ILogSink
{
    private readonly List<string> _lines = [];

    public JsonElement SingleEntry
    {
        get
        {
            lock (_lines)
            {
                return JsonDocument.Parse(_lines.ShouldHaveSingleItem()).RootElement;
            }
        }
    }

    public void Write(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
