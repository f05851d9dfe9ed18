using Spectre.Console;

namespace TacoMail.Reconciler.Cli.Infrastructure;

/// <summary>
/// Creates the process consoles. When output is redirected (CI logs, pipes) lines are never
/// wrapped, so that <c>path:line:col: error</c> lines and GitHub annotations stay one per line.
/// Colour follows Spectre's detection, which honours <c>NO_COLOR</c> and non-TTY output.
/// </summary>
internal static class ConsoleFactory
{
    /// <summary>Standard output: every command's answer, and everything else unless it has to stay apart.</summary>
    public static IAnsiConsole Create() => Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Standard error: the notes of a command whose answer must stand alone on standard output.</summary>
    public static IAnsiConsole CreateForStandardError() => Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = int.MaxValue;
        }

        return console;
    }
}
