using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// Mode (a): inside Lambda. Resolves the handler once (a failure is reported as an init error,
/// then the process exits) and serves invocations until cancelled or the Runtime API fails.
/// </summary>
/// <param name="createHandler">Builds a handler by name; throws <see cref="StartupException"/>.</param>
/// <param name="environment">Where the handler's name is read.</param>
/// <param name="time">The clock of the invocations' deadlines.</param>
/// <param name="log">Where init and Runtime API failures are written.</param>
internal sealed class RuntimeHost(
    Func<string?, LambdaHandler> createHandler, IEnvironmentVariables environment, TimeProvider time, TextWriter log)
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
            await log.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return BootstrapExitCodes.Error;
        }

        using (client)
        {
            return await RunAsync(client, new EnvironmentTraceIdPropagator(), cancellationToken).ConfigureAwait(false);
        }
    }

    internal async Task<int> RunAsync(IRuntimeApiClient client, ITraceIdPropagator traceIds, CancellationToken cancellationToken)
    {
        LambdaHandler handler;
        try
        {
            handler = createHandler(LambdaSettingsReader.HandlerName(environment));
        }
        catch (StartupException exception)
        {
            await log.WriteLineAsync($"Init failed ({exception.ErrorType}): {exception.Message}").ConfigureAwait(false);
            await CallApiAsync(() => client.ReportInitErrorAsync(exception.ToRuntimeError(), cancellationToken), cancellationToken).ConfigureAwait(false);
            return BootstrapExitCodes.Error;
        }

        var loop = new RuntimeLoop(client, handler, time, traceIds, log);
        return await CallApiAsync(() => loop.RunAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <returns><see cref="BootstrapExitCodes.Ok"/>, or <see cref="BootstrapExitCodes.Error"/> when the Runtime API failed.</returns>
    private async Task<int> CallApiAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call().ConfigureAwait(false);
            return BootstrapExitCodes.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return BootstrapExitCodes.Ok; // Shutdown (SIGTERM): not a failure.
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
        {
            await log.WriteLineAsync($"Runtime API failure, exiting: {exception.Message}").ConfigureAwait(false);
            return BootstrapExitCodes.Error;
        }
    }
}
