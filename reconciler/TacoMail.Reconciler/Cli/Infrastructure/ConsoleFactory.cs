using Spectre.Console;

namespace TacoMail.Reconciler.Cli.Infrastructure;

/// <summary>
/// Creates the process console. When output is redirected (CI logs, pipes) lines are never
/// wrapped, so that <c>path:line:col: error</c> lines and GitHub annotations stay one per line.
/// Colour follows Spectre's detection, which honours <c>NO_COLOR</c> and non-TTY output.
/// </summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings());
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = int.MaxValue;
        }

        return console;
    }
}
