using System.Collections.Immutable;
using System.Globalization;
using TacoMail.Reconciler.Durations;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// The declared settings as named text values, named by their tacomail.yaml keys: one spelling for
/// the diff, the renderers and the staleness digests.
/// </summary>
internal static class SettingsAttributes
{
    public const string BounceSender = "bounce_sender";
    public const string FeedbackAddress = "feedback_address";
    public const string Separators = "subaddress_separators";
    public const string BouncePolicy = "bounce_policy";
    public const string SpamPolicy = "spam_policy";
    public const string QueueLifetime = "queue_lifetime";
    public const string MinAliases = "safety.min_aliases";
    public const string MaxDeletePercent = "safety.max_delete_percent";
    public const string MaxDisablePercent = "safety.max_disable_percent";

    /// <summary>Every setting in a fixed order; null for a setting that is not set.</summary>
    public static ImmutableArray<(string Name, string? Value)> Of(DeclaredSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var routing = settings.Routing;
        return
        [
            (BounceSender, routing.BounceSender),
            (FeedbackAddress, routing.FeedbackAddress),
            (Separators, $"[{string.Join(", ", routing.Separators.Values)}]"),
            (BouncePolicy, routing.Policy.Bounce.ToName()),
            (SpamPolicy, routing.Policy.Spam.ToName()),
            (QueueLifetime, DurationText.ToYaml(routing.QueueLifetime)),
            (MinAliases, settings.Safety.MinAliases.ToString(CultureInfo.InvariantCulture)),
            (MaxDeletePercent, Percent(settings.Safety.MaxDeletePercent)),
            (MaxDisablePercent, Percent(settings.Safety.MaxDisablePercent)),
        ];
    }

    /// <summary>30, 30.0 and 30.00 are the same limit: no trailing zeros, so they also read the same.</summary>
    private static string Percent(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>The settings that differ; every setting when <paramref name="before"/> is null.</summary>
    public static ImmutableArray<AttributeChange> Diff(DeclaredSettings? before, DeclaredSettings after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = before is null ? default : Of(before);
        return [.. Of(after)
            .Select((setting, i) => new AttributeChange(setting.Name, old.IsDefault ? null : old[i].Value, setting.Value))
            .Where(change => old.IsDefault || !string.Equals(change.Before, change.After, StringComparison.Ordinal))];
    }
}
