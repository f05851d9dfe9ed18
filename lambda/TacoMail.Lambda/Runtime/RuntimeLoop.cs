namespace TacoMail.Lambda.Runtime;

/// <summary>
/// The event loop of a custom runtime: next, handler, response — or error, and on to the next.
/// It moves bytes only; each handler owns its serialization. A handler's exception fails that one
/// invocation; a Runtime API failure ends the loop (Lambda then restarts the environment).
/// </summary>
internal sealed class RuntimeLoop(
    IRuntimeApiClient client,
    LambdaHandler handler,
    TimeProvider time,
    ITraceIdPropagator traceIds,
    TextWriter log)
{
    /// <summary>
    /// Serves invocations until <paramref name="cancellationToken"/> is cancelled, then throws
    /// <see cref="OperationCanceledException"/>, whether the cancellation came while waiting for an
    /// invocation or between two (it ended quietly in the second case, so a caller saw one or the other).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await InvokeOnceAsync(cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Takes one invocation from the API and answers it.</summary>
    public async Task InvokeOnceAsync(CancellationToken cancellationToken)
    {
        var invocation = await client.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
        await using var bodyScope = invocation.Body.ConfigureAwait(false);
        var requestId = invocation.Context.RequestId;
        traceIds.Propagate(invocation.TraceId);

        var response = await TryHandleAsync(invocation, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return;
        }

        await using (response.ConfigureAwait(false))
        {
            await client.SendResponseAsync(requestId, response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>The handler's response, or null when it failed and the failure was reported.</returns>
    private async Task<Stream?> TryHandleAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        try
        {
            using var deadline = new InvocationDeadline(context.Deadline, time, cancellationToken);
            return await handler(invocation.Body, context, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await log.WriteLineAsync(
                $"Invocation {context.RequestId} failed: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
            await client.ReportInvocationErrorAsync(context.RequestId, RuntimeError.FromException(exception), cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
