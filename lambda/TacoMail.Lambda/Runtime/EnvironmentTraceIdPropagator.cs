namespace TacoMail.Lambda.Runtime;

/// <summary>Sets <c>_X_AMZN_TRACE_ID</c> as Lambda's managed runtimes do.</summary>
internal sealed class EnvironmentTraceIdPropagator : ITraceIdPropagator
{
    public const string VariableName = "_X_AMZN_TRACE_ID";

    public void Propagate(string? traceId) => Environment.SetEnvironmentVariable(VariableName, traceId);
}
