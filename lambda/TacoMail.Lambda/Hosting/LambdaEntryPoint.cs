using System.Text;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// Chooses the mode from the command line: no arguments serves the Runtime API (when
/// <c>AWS_LAMBDA_RUNTIME_API</c> is set), <c>invoke</c> runs a handler once, <c>--help</c> explains.
/// </summary>
/// <param name="createHandler">Builds a handler by name (<see cref="CompositionRoot.Create"/>); throws <see cref="StartupException"/>.</param>
/// <param name="environment">Where the Runtime API and the handler's name are read.</param>
/// <param name="time">The clock of the invocations' deadlines.</param>
/// <param name="output">Standard output: help and <c>invoke</c>'s response.</param>
/// <param name="error">Standard error: failures.</param>
internal sealed class LambdaEntryPoint(
    Func<string?, LambdaHandler> createHandler,
    IEnvironmentVariables environment,
    TimeProvider time,
    Stream output,
    TextWriter error)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return await ServeAsync(cancellationToken).ConfigureAwait(false);
        }

        switch (args[0])
        {
            case "invoke":
                return await new InvokeCommand(createHandler, time, output, error).RunAsync([.. args.Skip(1)], cancellationToken).ConfigureAwait(false);
            case "--help" or "-h" or "help":
                await output.WriteAsync(Encoding.UTF8.GetBytes(Usage.Text()), cancellationToken).ConfigureAwait(false);
                return BootstrapExitCodes.Ok;
            default:
                await error.WriteLineAsync($"error: Unknown command '{args[0]}'.").ConfigureAwait(false);
                await error.WriteAsync(Usage.Text()).ConfigureAwait(false);
                return BootstrapExitCodes.Error;
        }
    }

    private async Task<int> ServeAsync(CancellationToken cancellationToken)
    {
        var runtimeApi = LambdaSettingsReader.RuntimeApi(environment);
        if (runtimeApi is null)
        {
            await error.WriteLineAsync($"error: {RuntimeVariableNames.RuntimeApi} is not set, so this is not a Lambda environment.").ConfigureAwait(false);
            await error.WriteAsync(Usage.Text()).ConfigureAwait(false);
            return BootstrapExitCodes.Error;
        }

        return await new RuntimeHost(createHandler, environment, time, error).RunAsync(runtimeApi, cancellationToken).ConfigureAwait(false);
    }
}
