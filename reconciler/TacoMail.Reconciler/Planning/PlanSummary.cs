namespace TacoMail.Reconciler.Planning;

/// <summary>How many alias items each action touches (configuration items are not counted).</summary>
internal sealed record PlanSummary(int Create, int Update, int Delete, int Rename)
{
    public int Total => Create + Update + Delete + Rename;
}
