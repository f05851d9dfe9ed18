namespace TacoMail.Lambda.Runtime;

/// <summary>
/// Hands each invocation's X-Ray trace header to code that reads <c>_X_AMZN_TRACE_ID</c> (the AWS
/// SDK does); an interface so tests do not race on the process environment.
/// </summary>
internal interface ITraceIdPropagator
{
    void Propagate(string? traceId);
}
