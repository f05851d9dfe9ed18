using System.Text.Encodings.Web;
using System.Text.Json;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Queue;

namespace TacoMail.Lambda.Logging;

/// <summary>
/// The one writer of both handlers' log lines: each entry as a single JSON line, handed to an
/// <see cref="ILogSink"/>. The relaxed encoder keeps <c>+</c> and non-ASCII addresses readable
/// (the lines are never HTML); null members are written, so every line of a kind has the same
/// keys for log queries.
/// </summary>
internal sealed class JsonLogWriter
{
    private readonly ILogSink _sink;
    private readonly LogJsonContext _context;

    public JsonLogWriter(ILogSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _context = new LogJsonContext(new JsonSerializerOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        });
    }

    /// <summary>The disposition's line for one message.</summary>
    public void Write(DispositionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _sink.Write(JsonSerializer.Serialize(entry, _context.DispositionLogEntry));
    }

    /// <summary>The delivery's line for one message.</summary>
    public void Write(DeliveryLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _sink.Write(JsonSerializer.Serialize(entry, _context.DeliveryLogEntry));
    }

    /// <summary>The queue sweep's summary line.</summary>
    public void Write(SweepLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _sink.Write(JsonSerializer.Serialize(entry, _context.SweepLogEntry));
    }

    /// <summary>Writes already formatted lines (the embedded-format metrics of <see cref="MetricsLine"/>).</summary>
    public void WriteLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            _sink.Write(line);
        }
    }
}
