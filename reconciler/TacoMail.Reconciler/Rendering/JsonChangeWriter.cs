using System.Text.Json;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Records;
using F = TacoMail.Reconciler.Rendering.JsonPlanFields;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Writes one alias or configuration change of the JSON plan. Members that the change does not
/// have (<c>from</c>, <c>before</c>, <c>after</c>) are left out rather than written as null, so a
/// reader can tell "not applicable" from a value; attribute values are null when absent.
/// Destinations are masked on request (<see cref="AddressMask"/>).
/// </summary>
internal static class JsonChangeWriter
{
    public static void Write(Utf8JsonWriter writer, AliasChange change, bool maskDestinations)
    {
        string? Shown(string? destination) => maskDestinations && destination is not null ? AddressMask.Mask(destination) : destination;
        writer.WriteStartObject();
        (ItemKey? From, AliasRecord? Before, AliasSpec? After) shown = change switch
        {
            AliasCreate create => (null, null, create.After),
            AliasUpdate update => (null, update.Before, update.After),
            AliasShapeFix fix => (null, fix.Before, fix.Spec),
            AliasRename rename => (rename.From, rename.Before, rename.After),
            AliasDelete delete => (null, delete.Before, null),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "The JSON renderer does not know this change."),
        };
        writer.WriteString(F.Action, PlanWords.Name(change.Action));
        writer.WriteString(F.Address, change.Key.FullAddress);
        if (shown.From is { } from)
        {
            writer.WriteString(F.From, from.FullAddress);
        }

        if (shown.Before is { } before)
        {
            writer.WriteStartObject(F.Before);
            writer.WriteString(F.Destination, Shown(before.Destination));
            writer.WriteString(F.State, PlanWords.State(before.State));
            writer.WriteString(F.Identifier, before.Identifier);
            writer.WriteNumber(F.CreatedDatetime, before.CreatedDatetime);
            writer.WriteNumber(F.ModifiedDatetime, before.ModifiedDatetime);
            writer.WriteNumber(F.UseCount, before.UseCount);
            writer.WriteEndObject();
        }

        if (shown.After is { } after)
        {
            writer.WriteStartObject(F.After);
            writer.WriteString(F.Destination, Shown(after.Destination));
            writer.WriteString(F.State, PlanWords.State(after.State));
            writer.WriteEndObject();
        }

        if (change.Usage is { } usage)
        {
            writer.WriteStartObject(F.Usage);
            writer.WriteNumber(F.UseCount, usage.UseCount);
            writer.WriteString(F.LastUsed, PlanWords.LastUsed(usage.LastUsed));
            writer.WriteEndObject();
        }

        if (change.Expiry is { } expiry)
        {
            writer.WritePropertyName(F.Expired);
            JsonExpiryWriter.Write(writer, expiry);
        }

        writer.WriteStartArray(F.Attributes);
        foreach (var attribute in change.Attributes)
        {
            writer.WriteStartObject();
            var isDestination = attribute.Name == AttributeNames.Destination;
            writer.WriteString(F.Name, attribute.Name);
            writer.WriteString(F.Before, isDestination ? Shown(attribute.Before) : attribute.Before);
            writer.WriteString(F.After, isDestination ? Shown(attribute.After) : attribute.After);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, ConfigChange change, bool maskDestinations)
    {
        var mask = maskDestinations && change.Kind == ConfigSetKind.Destinations;
        IEnumerable<string> Shown(IEnumerable<string> values) => mask ? values.Select(AddressMask.Mask) : values;
        writer.WriteStartObject();
        writer.WriteString(F.Action, PlanWords.Name(change.Action));
        writer.WriteString(F.Item, ConfigSetRecord.SortKeyOf(change.Kind));
        if (change.Before is { } before)
        {
            WriteStrings(writer, F.Before, Shown(before));
        }

        WriteStrings(writer, F.After, Shown(change.After));
        WriteStrings(writer, F.Added, Shown(change.Added));
        WriteStrings(writer, F.Removed, Shown(change.Removed));
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
