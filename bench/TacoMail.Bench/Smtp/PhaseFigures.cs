namespace TacoMail.Bench.Smtp;

/// <summary>One part of the smtp benchmark as measured: wall time, per-message times, CPU and peak memory.</summary>
/// <param name="Part">The part's name.</param>
/// <param name="Messages">How many messages it handled.</param>
/// <param name="Wall">From the first message started to the last one done.</param>
/// <param name="PerMessage">Each message's time (for the server: the end of DATA to its 250).</param>
/// <param name="Cpu">CPU time of this process (the client, the server and the spool, or the part alone).</param>
/// <param name="DynamoCpu">CPU time of the DynamoDB Local process.</param>
/// <param name="PeakHeap">The managed heap's peak, sampled every millisecond.</param>
/// <param name="PeakRss">This process's peak resident set (<c>VmHWM</c>, reset before the part).</param>
/// <param name="RssBefore">Its resident set when the part started.</param>
internal sealed record PhaseFigures(
    string Part, int Messages, TimeSpan Wall, IReadOnlyList<TimeSpan> PerMessage, TimeSpan Cpu, TimeSpan DynamoCpu, long PeakHeap, long PeakRss, long RssBefore)
{
    /// <summary>For the server over SMTP: what each message was answered, and when.</summary>
    public IReadOnlyList<SentMessage> Sent { get; init; } = [];

    public double MessagesPerSecond => Messages / Wall.TotalSeconds;

    public double P50Milliseconds => Percentile(PerMessage, 0.50);

    public double P99Milliseconds => Percentile(PerMessage, 0.99);

    /// <summary>Nearest rank, in milliseconds.</summary>
    public static double Percentile(IEnumerable<TimeSpan> times, double fraction)
    {
        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }
}
