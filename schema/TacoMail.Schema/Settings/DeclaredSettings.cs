namespace TacoMail.Schema.Settings;

/// <summary>
/// Everything <c>tacomail.yaml</c> declares that is not an alias or a configuration set, as one
/// item in the reserved partition (<c>tacomail-config</c>, <c>settings</c>): the mail path's
/// routing settings and the plan safety thresholds.
/// </summary>
public sealed record DeclaredSettings(RoutingSettings Routing, SafetyThresholds Safety);
