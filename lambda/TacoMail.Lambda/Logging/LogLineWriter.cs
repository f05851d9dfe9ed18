using System.Text.Encodings.Web;
using System.Text.Json;

namespace TacoMail.Lambda.Logging;

/// <summary>
/// Serializes log entries to single JSON lines and hands them to an <see cref="ILogSink"/>. The
/// relaxed encoder keeps <c>+</c> and non-ASCII addresses readable (the lines are never HTML);
/// null members are written, so every line has the same keys for log queries.
/// </summary>
internal sealed class LogLineWriter
{
    private readonly ILogSink _sink;
    private readonly LogJsonContext _context;

    public LogLineWriter(ILogSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _context = new LogJsonContext(new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        });
    }

    public void Write(DispositionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _sink.Write(JsonSerializer.Serialize(entry, _context.DispositionLogEntry));
    }

    /// <summary>Writes already formatted lines (the embedded-format metrics).</summary>
    public void WriteLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            _sink.Write(line);
        }
    }
}
