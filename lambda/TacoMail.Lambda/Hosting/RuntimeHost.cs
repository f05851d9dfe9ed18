using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// Mode (a): inside Lambda. Resolves the handler once (a failure is reported as an init error,
/// then the process exits) and serves invocations until cancelled or the Runtime API fails.
/// </summary>
internal sealed class RuntimeHost(IHandlerCatalog catalog, IEnvironmentVariables environment, TimeProvider time, TextWriter log)
{
    /// <summary>Serves the Runtime API at <paramref name="runtimeApi"/>, the <c>AWS_LAMBDA_RUNTIME_API</c> value.</summary>
    public async Task<int> RunAsync(string runtimeApi, CancellationToken cancellationToken)
    {
        RuntimeApiClient client;
        try
        {
            client = new RuntimeApiClient(runtimeApi);
        }
        catch (ArgumentException exception)
        {
            await log.WriteLineAsync(exception.Message);
            return ExitCodes.Error;
        }

        using (client)
        {
            return await RunAsync(client, new EnvironmentTraceIdPropagator(), cancellationToken);
        }
    }

    internal async Task<int> RunAsync(IRuntimeApiClient client, ITraceIdPropagator traceIds, CancellationToken cancellationToken)
    {
        LambdaHandler handler;
        try
        {
            handler = HandlerStartup.Create(catalog, HandlerEnvironment.HandlerName(environment), environment);
        }
        catch (StartupException exception)
        {
            await log.WriteLineAsync($"Init failed ({exception.ErrorType}): {exception.Message}");
            await CallApiAsync(() => client.ReportInitErrorAsync(exception.ToRuntimeError(), cancellationToken), cancellationToken);
            return ExitCodes.Error;
        }

        var loop = new RuntimeLoop(client, handler, time, traceIds, log);
        return await CallApiAsync(() => loop.RunAsync(cancellationToken), cancellationToken);
    }

    /// <returns><see cref="ExitCodes.Ok"/>, or <see cref="ExitCodes.Error"/> when the Runtime API failed.</returns>
    private async Task<int> CallApiAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call();
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok; // Shutdown (SIGTERM): not a failure.
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
        {
            await log.WriteLineAsync($"Runtime API failure, exiting: {exception.Message}");
            return ExitCodes.Error;
        }
    }
}
