using TacoMail.Schema.Settings;

namespace TacoMail.MailPath.Recipients;

/// <summary>Every recipient of a message resolved, and the declared settings read with them.</summary>
/// <param name="Recipients">In the order received, one per distinct envelope recipient.</param>
/// <param name="Settings">The settings in force: the table's, or <see cref="RoutingSettings.Fallback"/>.</param>
/// <param name="SettingsFallback">Why the fallback is used (for the log line); null when the table's settings were read.</param>
public sealed record RecipientResolution(
    IReadOnlyList<ResolvedRecipient> Recipients,
    RoutingSettings Settings,
    string? SettingsFallback);
