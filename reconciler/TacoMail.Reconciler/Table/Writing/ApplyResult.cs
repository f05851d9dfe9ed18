using System.Collections.Immutable;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// What an apply did — all of the plan, or (inside <see cref="ApplyFailedException"/>) the part
/// done before it stopped — so the CLI can always say what it changed. Sorted like a plan.
/// </summary>
/// <param name="ConfigChanges">The configuration items written.</param>
/// <param name="AliasChanges">The alias changes done.</param>
/// <param name="Settings">The settings item write, when it was done.</param>
internal sealed record ApplyResult(
    ImmutableArray<ConfigChange> ConfigChanges, ImmutableArray<AppliedChange> AliasChanges, SettingsChange? Settings = null)
{
    public static ApplyResult Empty { get; } = new([], []);

    /// <summary>Alias changes done, per action.</summary>
    public PlanSummary Summary => PlanSummary.Of(AliasChanges.Select(c => c.Change));

    /// <summary>Configuration items (the settings item included) written.</summary>
    public int ConfigItems => ConfigChanges.Length + (Settings is null ? 0 : 1);

    /// <summary>Configuration, settings and alias changes done.</summary>
    public int Total => ConfigItems + AliasChanges.Length;

    /// <summary>Changes that were found already done instead of being written.</summary>
    public int AlreadyInPlace => AliasChanges.Count(c => c.Outcome == ApplyOutcome.AlreadyInPlace);

    /// <summary>E.g. <c>3 created, 1 updated, 0 deleted, 1 renamed, 2 configuration items written</c>.</summary>
    public string Describe()
    {
        var summary = Summary;
        return string.Join(", ", PlanWords.ResultOrder.Select(action => $"{summary.Count(action)} {PlanWords.Done(action)}"))
            + $", {ConfigItems} configuration item{(ConfigItems == 1 ? string.Empty : "s")} written";
    }
}
