using System.Text.Json;
using TacoMail.Lambda.Logging;

namespace TacoMail.IntegrationTests.Lambda;

/// <summary>Keeps the log lines the handler writes, apart from its embedded-format metric lines.</summary>
internal sealed class CapturingLogSink : ILogSink
{
    private readonly List<string> _lines = [];

    public JsonElement SingleEntry
    {
        get
        {
            lock (_lines)
            {
                return JsonDocument.Parse(_lines.Where(l => !l.StartsWith("{\"_aws\":", StringComparison.Ordinal)).ShouldHaveSingleItem()).RootElement;
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
