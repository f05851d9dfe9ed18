using System.Collections.Immutable;

namespace TacoMail.Reconciler.Planning;

/// <summary>Thrown by <see cref="Plan.EnsureSafe"/>; the message names each exceeded threshold.</summary>
public sealed class UnsafePlanException : TacoMailException
{
    internal UnsafePlanException(ImmutableArray<SafetyViolation> violations)
        : base(Describe(violations))
    {
    }

    private static string Describe(ImmutableArray<SafetyViolation> violations) =>
        "the plan exceeds the safety thresholds: "
        + string.Join("; ", violations.Select(v =>
            $"it {PlanWords.Verb(v.Check)} {v.Count} of {v.Existing} aliases ({v.Percent}%, limit {v.ThresholdPercent}%)"))
        + ". Review the plan, then run apply with --force. Raising the limits under safety: in tacomail.yaml takes effect only "
        + "once applied: a plan is checked against the stricter of the YAML's limits and those stored in the table.";
}
