using TacoMail.Schema.Settings;

namespace TacoMail.Lambda.Delivery;

/// <summary>The re-check's answer: the aliases to deliver to, a report for every recipient that is not, and the settings read with them.</summary>
/// <param name="Targets">The aliases (and the feedback address) to serve.</param>
/// <param name="NotDelivered">A report per recipient that is not served.</param>
/// <param name="Settings">The declared settings in force (or the fallback).</param>
/// <param name="SettingsFallback">Why the fallback is used; null when the table's settings were read.</param>
internal sealed record RecipientCheck(
    IReadOnlyList<DeliveryTarget> Targets,
    IReadOnlyList<RecipientReport> NotDelivered,
    RoutingSettings Settings,
    string? SettingsFallback);
