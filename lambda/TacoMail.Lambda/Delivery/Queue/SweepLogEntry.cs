namespace TacoMail.Lambda.Delivery.Queue;

/// <summary>The sweep's one summary log line.</summary>
internal sealed record SweepLogEntry(string Level, string Handler, string RequestId, long DurationMs, SweepResult Sweep);
