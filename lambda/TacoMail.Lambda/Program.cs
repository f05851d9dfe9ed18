using System.Runtime.InteropServices;
using System.Text;
using TacoMail.Lambda.Hosting;

// MimeKit finds legacy charsets (koi8-r, shift_jis, windows-125x) in header encoded-words only
// when the code-page provider is registered before its first lookup: a reply's Subject in one
// of them is then rewritten intact.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

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
