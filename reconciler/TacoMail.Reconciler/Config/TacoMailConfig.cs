using TacoMail.Schema.Addresses;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Config;

/// <summary>
/// The validated desired state of a config directory: what the table should hold. Only
/// <see cref="ConfigLoader"/> builds it, and only when there is no error, so the planner can
/// trust every value without checking again.
/// </summary>
/// <param name="Table">The table to reconcile.</param>
/// <param name="Domains">The declared domains in the order written, normalised to punycode.</param>
/// <param name="Destinations">The declared destinations in the order written, normalised (<c>S3</c> or e-mail).</param>
/// <param name="Routing">
/// The mail-path settings (bounce sender, feedback address, separators, policies) that apply
/// writes to the table's settings item.
/// </param>
/// <param name="Safety">The plan safety thresholds.</param>
/// <param name="Aliases">Every alias, ordered by domain then local part.</param>
/// <param name="Moves">Every rename, ordered by the old address.</param>
internal sealed record TacoMailConfig(
    TableSettings Table,
    IReadOnlyList<DomainName> Domains,
    IReadOnlyList<string> Destinations,
    RoutingSettings Routing,
    SafetyThresholds Safety,
    IReadOnlyList<DesiredAlias> Aliases,
    IReadOnlyList<AliasMove> Moves)
{
    /// <summary>The From address of bounces, or null.</summary>
    public string? BounceSender => Routing.BounceSender;

    /// <summary>The settings item <c>apply</c> writes.</summary>
    public DeclaredSettings Settings => new(Routing, Safety);
}
