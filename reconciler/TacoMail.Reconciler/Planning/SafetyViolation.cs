namespace TacoMail.Reconciler.Planning;

/// <summary>A threshold the plan exceeds: <see cref="Count"/> of <see cref="Existing"/> aliases.</summary>
internal sealed record SafetyViolation(SafetyCheck Check, int Count, int Existing, decimal ThresholdPercent)
{
    public decimal Percent => Existing == 0 ? 0 : Math.Round(Count * 100m / Existing, 1);
}
