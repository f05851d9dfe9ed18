using System.Text;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// Chooses the mode from the command line: no arguments serves the Runtime API (when
/// <c>AWS_LAMBDA_RUNTIME_API</c> is set), <c>invoke</c> runs a handler once, <c>--help</c> explains.
/// </summary>
internal sealed class LambdaEntryPoint(
    IHandlerCatalog catalog,
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
            return await ServeAsync(cancellationToken);
        }

        switch (args[0])
        {
            case "invoke":
                return await new InvokeCommand(catalog, environment, time, output, error).RunAsync([.. args.Skip(1)], cancellationToken);
            case "--help" or "-h" or "help":
                await output.WriteAsync(Encoding.UTF8.GetBytes(Usage.Text(catalog)), cancellationToken);
                return ExitCodes.Ok;
            default:
                await error.WriteLineAsync($"error: Unknown command '{args[0]}'.");
                await error.WriteAsync(Usage.Text(catalog));
                return ExitCodes.Error;
        }
    }

    private async Task<int> ServeAsync(CancellationToken cancellationToken)
    {
        var runtimeApi = environment.Get(HandlerEnvironment.RuntimeApi);
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            await error.WriteLineAsync($"error: {HandlerEnvironment.RuntimeApi} is not set, so this is not a Lambda environment.");
            await error.WriteAsync(Usage.Text(catalog));
            return ExitCodes.Error;
        }

        return await new RuntimeHost(catalog, environment, time, error).RunAsync(runtimeApi, cancellationToken);
    }
}
