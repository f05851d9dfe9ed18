namespace TacoMail.Reconciler.Planning;

/// <summary>Which differences between the YAML and the table a plan covers.</summary>
internal enum PlanScope
{
    /// <summary>Every difference: what <c>plan</c> shows and <c>apply</c> writes.</summary>
    All,

    /// <summary>
    /// Only the expiries that are due, and nothing else the table and the YAML disagree on: what
    /// the nightly run applies without a commit (<c>apply --only-due</c>).
    /// </summary>
    DueExpiries,

    /// <summary>
    /// Every difference that no due expiry explains: a hand edit in the console, or an apply that
    /// did not finish (<c>drift</c>).
    /// </summary>
    Drift,
}
