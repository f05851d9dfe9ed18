using Spectre.Console;
using Spectre.Console.Cli;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Turns an exception that reached the top into one readable line and exit code 1. Expected
/// failures (<see cref="TacoMailException"/>, bad command lines) never show a stack trace.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(IAnsiConsole console, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case CommandAppException { Pretty: { } pretty }:
                console.Write(pretty);
                break;
            case OperationCanceledException:
                console.MarkupLine("[yellow]cancelled[/]");
                break;
            case TacoMailException:
                console.MarkupLineInterpolated($"[red]error:[/] {exception.Message}");
                break;
            default:
                console.MarkupLineInterpolated($"[red]error:[/] {exception.Message} ({exception.GetType().Name})");
                break;
        }

        return ExitCodes.Error;
    }
}
