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
/// <param name="AliasChanges">Changes to alias items, sorted by key.</param>
/// <param name="Violations">The safety thresholds the plan exceeds.</param>
/// <param name="Skipped">Table items that could not be read and are left alone.</param>
/// <param name="ExistingAliases">The alias items the table holds.</param>
/// <param name="Basis">What the plan was computed from.</param>
internal sealed record Plan(
    ImmutableArray<ConfigChange> ConfigChanges,
    SettingsChange? Settings,
    ImmutableArray<AliasChange> AliasChanges,
    ImmutableArray<SafetyViolation> Violations,
    ImmutableArray<ScannedUnreadableItem> Skipped,
    int ExistingAliases,
    PlanBasis Basis)
{
    public bool HasChanges => !ConfigChanges.IsEmpty || Settings is not null || !AliasChanges.IsEmpty;

    /// <summary>How many items apply writes: configuration items, the settings item and aliases.</summary>
    public int ChangeCount => ConfigChanges.Length + (Settings is null ? 0 : 1) + AliasChanges.Length;

    public bool IsSafe => Violations.IsEmpty;

    public PlanSummary Summary => new(
        AliasChanges.Count(c => c.Action == ChangeAction.Create),
        AliasChanges.Count(c => c.Action == ChangeAction.Update),
        AliasChanges.Count(c => c.Action == ChangeAction.Delete),
        AliasChanges.Count(c => c.Action == ChangeAction.Rename));

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
