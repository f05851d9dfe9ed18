using System.Text.Json;
using TacoMail.Reconciler.Durations;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;
using F = TacoMail.Reconciler.Rendering.JsonPlanFields;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Writes the JSON plan's <c>settings_change</c>: null when the settings item already matches,
/// else the write with the settings before (left out when there is no readable item) and after,
/// under their tacomail.yaml keys, and the settings that change. Added in format version 1 as a
/// new member, so readers of the other members are unaffected.
/// </summary>
internal static class JsonSettingsWriter
{
    public static void Write(Utf8JsonWriter writer, SettingsChange? change)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (change is null)
        {
            writer.WriteNull(F.SettingsChange);
            return;
        }

        writer.WriteStartObject(F.SettingsChange);
        writer.WriteString(F.Action, PlanWords.Name(change.Action));
        writer.WriteString(F.Item, TableContract.ConfigSettingsKey);
        if (change.UnreadableReason is { } reason)
        {
            writer.WriteString(F.Unreadable, reason);
        }

        if (change.Before is { } before)
        {
            WriteSettings(writer, F.Before, before);
        }

        WriteSettings(writer, F.After, change.After);
        writer.WriteStartArray(F.Attributes);
        foreach (var attribute in change.Attributes)
        {
            writer.WriteStartObject();
            writer.WriteString(F.Name, attribute.Name);
            writer.WriteString(F.Before, attribute.Before);
            writer.WriteString(F.After, attribute.After);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSettings(Utf8JsonWriter writer, string name, DeclaredSettings settings)
    {
        var routing = settings.Routing;
        writer.WriteStartObject(name);
        writer.WriteString(F.BounceSender, routing.BounceSender);
        writer.WriteString(F.FeedbackAddress, routing.FeedbackAddress);
        writer.WriteStartArray(F.SubaddressSeparators);
        foreach (var separator in routing.Separators.Values)
        {
            writer.WriteStringValue(separator);
        }

        writer.WriteEndArray();
        writer.WriteString(F.BouncePolicy, routing.Policy.Bounce.ToName());
        writer.WriteString(F.SpamPolicy, routing.Policy.Spam.ToName());
        writer.WriteString(F.QueueLifetime, DurationText.ToYaml(routing.QueueLifetime));
        writer.WriteStartObject(F.Safety);
        writer.WriteNumber(F.MinAliases, settings.Safety.MinAliases);
        writer.WriteNumber(F.MaxDeletePercent, settings.Safety.MaxDeletePercent);
        writer.WriteNumber(F.MaxDisablePercent, settings.Safety.MaxDisablePercent);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
