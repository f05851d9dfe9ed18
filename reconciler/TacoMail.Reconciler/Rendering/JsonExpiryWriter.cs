using System.Globalization;
using System.Text.Json;
using TacoMail.Reconciler.Planning;
using F = TacoMail.Reconciler.Rendering.JsonPlanFields;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Writes an expiry as <c>{"address", "at", "then"}</c>, the one shape for a due expiry on a change
/// and for an expiry to come in <c>expiring</c>. <c>at</c> is ISO 8601 with the offset it was
/// written with, so scripts compare instants rather than dates.
/// </summary>
internal static class JsonExpiryWriter
{
    public static void Write(Utf8JsonWriter writer, ScheduledExpiry expiry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(expiry);
        writer.WriteStartObject();
        writer.WriteString(F.Address, expiry.Key.FullAddress);
        writer.WriteString(F.At, expiry.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        writer.WriteString(F.Then, PlanWords.State(expiry.Then));
        writer.WriteEndObject();
    }
}
