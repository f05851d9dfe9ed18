using Spectre.Console;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// One output format of <c>tacomail stats</c>, like the plan's <c>IPlanRenderer</c>: the command
/// picks one with <see cref="StatsRendererFactory"/> and hands it the console, so each format is
/// tested alone against a <c>TestConsole</c>.
/// </summary>
internal interface IStatsRenderer
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="console"/>.</summary>
    void Render(StatsReport report, IAnsiConsole console);
}
