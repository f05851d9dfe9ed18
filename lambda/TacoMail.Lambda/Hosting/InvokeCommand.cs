using System.Text;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// <c>invoke</c>: runs one handler once on an event file, outside Lambda, with a synthetic
/// invocation context, and writes the response bytes to standard output.
/// </summary>
/// <param name="createHandler">Builds a handler by name; throws <see cref="StartupException"/>.</param>
/// <param name="time">The clock of the synthetic deadline.</param>
/// <param name="output">Where the response goes.</param>
/// <param name="error">Where failures are written.</param>
internal sealed class InvokeCommand(
    Func<string?, LambdaHandler> createHandler,
    TimeProvider time,
    Stream output,
    TextWriter error)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            await output.WriteAsync(Encoding.UTF8.GetBytes(Usage.Text()), cancellationToken).ConfigureAwait(false);
            return BootstrapExitCodes.Ok;
        }

        var arguments = InvokeArguments.Parse(args, out var problem);
        if (arguments is null)
        {
            return await FailAsync($"{problem} Usage: invoke --handler NAME --event FILE (see --help).").ConfigureAwait(false);
        }

        byte[] request;
        try
        {
            request = await File.ReadAllBytesAsync(arguments.EventFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return await FailAsync($"Cannot read the event file '{arguments.EventFile}': {exception.Message}").ConfigureAwait(false);
        }

        LambdaHandler handler;
        try
        {
            handler = createHandler(arguments.Handler);
        }
        catch (StartupException exception)
        {
            return await FailAsync(exception.Message).ConfigureAwait(false);
        }

        return await InvokeAsync(arguments.Handler, handler, request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> InvokeAsync(string name, LambdaHandler handler, byte[] request, CancellationToken cancellationToken)
    {
        var context = LocalInvocation.Create("local", time);
        var buffer = new MemoryStream();
        try
        {
            using var deadline = new InvocationDeadline(context.Deadline, time, cancellationToken);
            var response = await handler(new MemoryStream(request, writable: false), context, deadline.Token).ConfigureAwait(false);
            await using var responseScope = response.ConfigureAwait(false);
            await response.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return await FailAsync($"The '{name}' handler failed: {exception.GetType().Name}: {exception.Message}").ConfigureAwait(false);
        }

        if (buffer.Length == 0 || buffer.GetBuffer()[buffer.Length - 1] != (byte)'\n')
        {
            buffer.WriteByte((byte)'\n');
        }

        await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return BootstrapExitCodes.Ok;
    }

    private async Task<int> FailAsync(string message)
    {
        await error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
        return BootstrapExitCodes.Error;
    }
}
