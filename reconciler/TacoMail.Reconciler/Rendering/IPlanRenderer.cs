using Spectre.Console;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// One output format of <c>tacomail plan</c> (Terraform's views). The plan command picks one with
/// <see cref="PlanRendererFactory"/> and hands it the process console, so that it knows nothing of
/// the formats and each format is tested against a <c>TestConsole</c>.
/// </summary>
internal interface IPlanRenderer
{
    /// <summary>Writes <paramref name="plan"/> to <paramref name="console"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The plan holds an action or value this renderer does not know.</exception>
    void Render(Plan plan, IAnsiConsole console);
}
