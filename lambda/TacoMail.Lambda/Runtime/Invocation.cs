namespace TacoMail.Lambda.Runtime;

/// <summary>
/// One event handed out by the Runtime API's <c>next</c> call: the context the handler sees, the
/// X-Ray trace header, and the raw event bytes. The loop disposes <see cref="Body"/> when done.
/// </summary>
/// <param name="Context">Request id, deadline and function ARN.</param>
/// <param name="TraceId">The <c>Lambda-Runtime-Trace-Id</c> header, when present.</param>
/// <param name="Body">The event payload, unparsed.</param>
internal sealed record Invocation(InvocationContext Context, string? TraceId, Stream Body);
