using System.Collections.Immutable;
using TacoMail.Schema.Model;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// Checks planned alias changes against the <see cref="SafetyThresholds"/>: deletes, and aliases
/// leaving the active state (paused or disabled), each as a share of the existing aliases.
/// </summary>
internal static class SafetyRules
{
    public static ImmutableArray<SafetyViolation> Check(IReadOnlyCollection<AliasChange> changes, int existing, SafetyThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (existing < thresholds.MinAliases || existing == 0)
        {
            return [];
        }

        var deletes = changes.Count(c => c is AliasDelete);
        // Pausing loses mail as surely as disabling: both stop delivery. A shape fix keeps the state.
        var deactivations = changes.Count(c => c
            is AliasUpdate { Before.State: AliasState.Active, After.State: not AliasState.Active }
            or AliasRename { Before.State: AliasState.Active, After.State: not AliasState.Active });
        var violations = ImmutableArray.CreateBuilder<SafetyViolation>();
        if (deletes * 100m / existing > thresholds.MaxDeletePercent)
        {
            violations.Add(new SafetyViolation(SafetyCheck.Deletes, deletes, existing, thresholds.MaxDeletePercent));
        }

        if (deactivations * 100m / existing > thresholds.MaxDisablePercent)
        {
            violations.Add(new SafetyViolation(SafetyCheck.Deactivations, deactivations, existing, thresholds.MaxDisablePercent));
        }

        return violations.ToImmutable();
    }
}
