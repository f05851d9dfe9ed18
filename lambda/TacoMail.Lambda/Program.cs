using System.Runtime.InteropServices;
using TacoMail.Lambda.Hosting;

// SIGTERM (Lambda shutting the environment down) and Ctrl+C end the loop cleanly.
using var shutdown = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    shutdown.Cancel();
});
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    shutdown.Cancel();
});

var output = Console.OpenStandardOutput();
await using var outputScope = output.ConfigureAwait(false);
var environment = new ProcessEnvironmentVariables();
var entryPoint = new LambdaEntryPoint(
    name => CompositionRoot.Create(name, environment),
    environment,
    TimeProvider.System,
    output,
    Console.Error);
return await entryPoint.RunAsync(args, shutdown.Token).ConfigureAwait(false);
