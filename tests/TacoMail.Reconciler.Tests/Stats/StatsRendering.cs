using Spectre.Console;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Stats;

namespace TacoMail.Reconciler.Tests.Stats;

/// <summary>Renders a report to a wide test console, as the CLI would to a redirected output.</summary>
internal static class StatsRendering
{
    /// <param name="renderer">The renderer under test.</param>
    /// <param name="report">What it renders.</param>
    /// <param name="colours">With <see cref="ColorSystem.NoColors"/> (a redirected output) no escape sequences at all, not even bold.</param>
    public static string Render(IStatsRenderer renderer, StatsReport report, ColorSystem colours = ColorSystem.NoColors)
    {
        using var console = new TestConsole().Colors(colours).Width(200);
        if (colours != ColorSystem.NoColors)
        {
            console.EmitAnsiSequences();
        }

        renderer.Render(report, console);
        return console.Output.ReplaceLineEndings("\n");
    }

    /// <summary>
    /// <paramref name="output"/> without the spaces Spectre pads table lines with: invisible, and
    /// stripped from golden files by every editor (.editorconfig trims trailing whitespace).
    /// </summary>
    public static string TrimLineEnds(string output) =>
        string.Join('\n', output.Split('\n').Select(line => line.TrimEnd(' ')));
}
