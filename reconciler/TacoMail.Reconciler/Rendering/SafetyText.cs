using System.Globalization;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Rendering;

/// <summary>The sentence naming one exceeded threshold, shared by the text and markdown renderers.</summary>
internal static class SafetyText
{
    /// <exception cref="ArgumentOutOfRangeException">A check this renderer does not know.</exception>
    public static string Describe(SafetyViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"it {PlanWords.Verb(violation.Check)} {violation.Count} of {violation.Existing} existing aliases ({violation.Percent:0.#}%, limit {violation.ThresholdPercent:0.#}%)");
    }
}
