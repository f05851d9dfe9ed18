using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace TacoMail.IntegrationTests.Mailbox;

/// <summary>
/// A test console that cancels the run as soon as <paramref name="trigger"/> appears in the output,
/// like a user pressing Ctrl-C right after the first message was reported.
/// </summary>
internal sealed class CancelOnOutputConsole(TestConsole inner, string trigger, CancellationTokenSource cancellation) : IAnsiConsole
{
    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input => inner.Input;

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    public void Clear(bool home) => inner.Clear(home);

    public void Write(IRenderable renderable)
    {
        inner.Write(renderable);
        if (inner.Output.Contains(trigger, StringComparison.Ordinal))
        {
            cancellation.Cancel();
        }
    }

    public void WriteAnsi(Action<AnsiWriter> action) => inner.WriteAnsi(action);
}
