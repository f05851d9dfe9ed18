using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Runtime;

/// <summary>Records the trace ids the loop propagates, instead of setting the process environment.</summary>
internal sealed class RecordingTraceIds : ITraceIdPropagator
{
    public List<string?> TraceIds { get; } = [];

    public void Propagate(string? traceId) => TraceIds.Add(traceId);
}
