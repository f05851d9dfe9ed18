namespace TacoMail.Reconciler.Planning;

/// <summary>
/// What <c>apply FILE</c> needs from a plan saved with <c>plan --out</c>: the basis and changes
/// digest to compare with a fresh plan (a saved plan is applied only if nothing changed since),
/// and the totals, for a reader of the file. The changes themselves are not saved: apply executes
/// the fresh plan, which the digest proves identical.
/// </summary>
internal sealed record SavedPlan(PlanBasis Basis, string ChangesDigest, PlanSummary Summary)
{
    public static SavedPlan Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new SavedPlan(plan.Basis, plan.ChangesDigest, plan.Summary);
    }
}
