using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// The changes that make the table match the YAML, plus the safety check over them (octoDNS's
/// Plan). A plan is data: renderers format it, the applier executes it. A plan that trips a
/// threshold still renders in full; only <see cref="EnsureSafe"/> refuses it.
/// </summary>
/// <param name="ConfigChanges">Changes to the <c>sub_domains</c> and <c>destinations</c> items.</param>
/// <param name="Settings">The write of the settings item, or null when it already matches.</param>
/// <param name="Domains">Changes to alias items, by domain in domain order (<see cref="DomainChanges.Group"/>).</param>
/// <param name="Violations">The safety thresholds the plan exceeds.</param>
/// <param name="Skipped">Table items that could not be read and are left alone.</param>
/// <param name="ExistingAliases">The alias items the table holds.</param>
/// <param name="Basis">What the plan was computed from.</param>
internal sealed record Plan(
    ImmutableArray<ConfigChange> ConfigChanges,
    SettingsChange? Settings,
    ImmutableArray<DomainChanges> Domains,
    ImmutableArray<SafetyViolation> Violations,
    ImmutableArray<ScannedUnreadableItem> Skipped,
    int ExistingAliases,
    PlanBasis Basis)
{
    /// <summary>Every alias change, sorted by key.</summary>
    public ImmutableArray<AliasChange> AliasChanges => [.. Domains.SelectMany(d => d.Changes)];

    public bool HasChanges => !ConfigChanges.IsEmpty || Settings is not null || !Domains.IsEmpty;

    /// <summary>How many items apply writes: configuration items, the settings item and aliases.</summary>
    public int ChangeCount => ConfigChanges.Length + (Settings is null ? 0 : 1) + Summary.Total;

    public bool IsSafe => Violations.IsEmpty;

    /// <summary>The alias changes per action: the totals of every domain.</summary>
    public PlanSummary Summary => PlanSummary.Sum(Domains.Select(d => d.Totals));

    /// <summary>The changes that pause, disable, delete, rename or redirect an alias, each with its usage.</summary>
    public ImmutableArray<AliasChange> Impact => [.. AliasChanges.Where(c => c.Usage is not null)];

    /// <summary>How many of the <see cref="Impact"/> aliases received mail in the last <see cref="AliasUsage.RecentDays"/> days.</summary>
    public int RecentlyUsed => AliasChanges.Count(c => c.Usage?.IsRecent == true);

    /// <summary>
    /// The expiries that fall due within <see cref="ScheduledExpiry.NoticeDays"/> days of the plan
    /// and will change an alias's state, soonest first: what the nightly run will do unless the
    /// YAML changes.
    /// </summary>
    public ImmutableArray<ScheduledExpiry> Expiring { get; init; } = [];

    /// <summary>Which differences the plan covers: all, the due expiries, or the drift.</summary>
    public PlanScope Scope { get; init; } = PlanScope.All;

    /// <summary>The changes that carry out an expiry that is due.</summary>
    public ImmutableArray<AliasChange> Expired => [.. AliasChanges.Where(c => c.Expiry is not null)];

    /// <summary>Identifies the changes, for checking a saved plan against a fresh one.</summary>
    public string ChangesDigest => StateDigest.OfChanges(this);

    /// <summary>Refuses an unsafe plan unless forced (octoDNS <c>raise_if_unsafe</c>).</summary>
    /// <exception cref="UnsafePlanException">A threshold is exceeded and <paramref name="force"/> is false.</exception>
    public void EnsureSafe(bool force)
    {
        if (!IsSafe && !force)
        {
            throw new UnsafePlanException(Violations);
        }
    }
}
