using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Reconciler.Durations;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// Checks <c>queue_lifetime</c> against the range the delivery function can honour. Below an hour
/// a message that a destination refuses for a moment would be given up on after a sweep or two (the
/// sweep runs every 5 minutes); beyond 100 days (Postfix's cap, and the most the settings item
/// accepts) a sender would wait months to hear that the mail never arrived.
/// </summary>
internal static class QueueLifetimeRule
{
    public const string Key = "queue_lifetime";

    public static readonly TimeSpan Minimum = TimeSpan.FromHours(1);

    public static readonly TimeSpan Maximum = TimeSpan.FromDays(100);

    /// <summary>
    /// The declared lifetime, or the default when it is not given, not in the YAML form (the schema's
    /// pattern reported that: one mistake, one diagnostic) or out of range (reported here).
    /// </summary>
    public static TimeSpan Check(string path, SourceScalar? written, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (written is null || !DurationParser.IsYamlForm(written.Value))
        {
            return RoutingSettings.DefaultQueueLifetime;
        }

        var range = $"use {DurationText.ToYaml(Minimum)} to {DurationText.ToYaml(Maximum)} (default {DurationText.ToYaml(RoutingSettings.DefaultQueueLifetime)})";
        if (!DurationParser.TryParse(written.Value, out var lifetime) || lifetime > Maximum)
        {
            diagnostics.Add(
                path,
                written,
                DiagnosticCodes.QueueLifetimeOutOfRange,
                $"{Key} '{written.Value}' is longer than the maximum of {DurationText.ToYaml(Maximum)}: a sender would wait months " +
                $"to learn that the mail was never delivered; {range}");
            return RoutingSettings.DefaultQueueLifetime;
        }

        if (lifetime < Minimum)
        {
            diagnostics.Add(
                path,
                written,
                DiagnosticCodes.QueueLifetimeOutOfRange,
                $"{Key} '{written.Value}' is shorter than the minimum of {DurationText.ToYaml(Minimum)}: mail a destination refuses " +
                $"for a moment would be given up on after a retry or two (the queue is swept every 5 minutes); {range}");
            return RoutingSettings.DefaultQueueLifetime;
        }

        return lifetime;
    }
}
