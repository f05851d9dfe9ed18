using System.Text.Json;
using TacoMail.Lambda.Logging;

namespace TacoMail.Testing.Lambda;

/// <summary>
/// Keeps every line a handler writes, for assertions, with its log lines apart from its
/// CloudWatch embedded-format metric lines. The one test sink of the Lambda and integration tests.
/// </summary>
internal sealed class CapturingLogSink : ILogSink
{
    private readonly List<string> _lines = [];

    /// <summary>The log lines, without the embedded-format metric lines.</summary>
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

    /// <summary>The only line, parsed.</summary>
    /// <exception cref="InvalidOperationException">There is not exactly one line; the message lists them.</exception>
    public JsonElement SingleEntry => Lines is [var only]
        ? JsonDocument.Parse(only).RootElement
        : throw new InvalidOperationException($"Expected one log line, found {Lines.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, Lines)}");

    /// <summary>The last line, parsed.</summary>
    public JsonElement Last => JsonDocument.Parse(Lines[^1]).RootElement;

    private static bool IsMetric(string line) => line.StartsWith("{\"_aws\":", StringComparison.Ordinal);

    /// <summary>Forgets the lines so far, for a second invocation in the same test.</summary>
    public void Clear()
    {
        lock (_lines)
        {
            _lines.Clear();
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
