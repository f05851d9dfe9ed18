namespace TacoMail.Lambda.Runtime;

/// <summary>
/// The four calls of the Lambda Runtime API (version 2018-06-01), behind an interface so the loop
/// can be tested without HTTP. Implementations throw <see cref="RuntimeApiException"/> when the
/// API answers with an unexpected status.
/// </summary>
internal interface IRuntimeApiClient
{
    /// <summary>Long-polls <c>GET /runtime/invocation/next</c>; waits as long as it takes.</summary>
    Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/response</c> with the handler's bytes.</summary>
    Task SendResponseAsync(string requestId, Stream response, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/invocation/{id}/error</c>: the invocation failed.</summary>
    Task ReportInvocationErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken);

    /// <summary><c>POST /runtime/init/error</c>: the function cannot start; the process exits next.</summary>
    Task ReportInitErrorAsync(RuntimeError error, CancellationToken cancellationToken);
}
