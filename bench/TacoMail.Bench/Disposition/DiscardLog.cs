using TacoMail.Lambda.Logging;

namespace TacoMail.Bench.Disposition;

/// <summary>Counts log lines instead of writing them, so console output does not distort the timing.</summary>
internal sealed class DiscardLog : ILogSink
{
    public int Lines { get; private set; }

    public void Write(string line) => Lines++;
}
