using Spectre.Console;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Where a command writes what is not its answer (how to use it, warnings; errors, by the app) when the answer must
/// stand alone on standard output for scripts, as in <c>R=$(tacomail contact A S)</c>: standard error
/// in the process; in tests the same console as the answer unless a test keeps them apart.
/// </summary>
internal sealed class NoteConsole(IAnsiConsole console)
{
    public IAnsiConsole Console { get; } = console ?? throw new ArgumentNullException(nameof(console));
}
