using System.Collections.Immutable;
using TacoMail.Schema.Model;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Planning;

/// <summary>Checks planned alias changes against the <see cref="SafetyThresholds"/>.</summary>
internal static class SafetyRules
{
    public static ImmutableArray<SafetyViolation> Check(ImmutableArray<AliasChange> changes, int existing, SafetyThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (existing < thresholds.MinAliases || existing == 0)
        {
            return [];
        }

        var deletes = changes.Count(c => c.Action == ChangeAction.Delete);
        var disables = changes.Count(c =>
            c.Before is { State: not AliasState.Disabled } && c.After is { State: AliasState.Disabled });
        var violations = ImmutableArray.CreateBuilder<SafetyViolation>();
        if (deletes * 100m / existing > thresholds.MaxDeletePercent)
        {
            violations.Add(new SafetyViolation(SafetyCheck.Deletes, deletes, existing, thresholds.MaxDeletePercent));
        }

        if (disables * 100m / existing > thresholds.MaxDisablePercent)
        {
            violations.Add(new SafetyViolation(SafetyCheck.Disables, disables, existing, thresholds.MaxDisablePercent));
        }

        return violations.ToImmutable();
    }
}
