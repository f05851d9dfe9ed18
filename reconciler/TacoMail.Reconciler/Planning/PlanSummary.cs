namespace TacoMail.Reconciler.Planning;

/// <summary>How many alias items each action touches (configuration items are not counted).</summary>
internal sealed record PlanSummary(int Create, int Update, int Delete, int Rename)
{
    public static PlanSummary Zero { get; } = new(0, 0, 0, 0);

    public int Total => Create + Update + Delete + Rename;

    /// <summary>The count of <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An action the summary does not count.</exception>
    public int Count(ChangeAction action) => action switch
    {
        ChangeAction.Create => Create,
        ChangeAction.Update => Update,
        ChangeAction.Delete => Delete,
        ChangeAction.Rename => Rename,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown change action."),
    };

    public static PlanSummary Of(IEnumerable<AliasChange> changes) => Of(changes.Select(c => c.Action));

    public static PlanSummary Of(IEnumerable<ChangeAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var all = actions.ToList();
        return new(
            all.Count(a => a == ChangeAction.Create),
            all.Count(a => a == ChangeAction.Update),
            all.Count(a => a == ChangeAction.Delete),
            all.Count(a => a == ChangeAction.Rename));
    }

    /// <summary>The totals of several summaries, e.g. of every domain.</summary>
    public static PlanSummary Sum(IEnumerable<PlanSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        return summaries.Aggregate(Zero, (total, s) => new(
            total.Create + s.Create, total.Update + s.Update, total.Delete + s.Delete, total.Rename + s.Rename));
    }
}
