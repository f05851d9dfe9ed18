using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using TacoMail.Reconciler.Planning;
using F = TacoMail.Reconciler.Rendering.JsonPlanFields;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Renders a plan as versioned JSON (octoDNS's PlanJson, Terraform's <c>show -json</c>): the
/// machine format for scripts, a documented contract (<c>format_version</c> 1). It also carries the
/// plan's basis and changes digest, for scripts that compare plans; the file <c>plan --out</c>
/// saves is another format (<see cref="SavedPlanFormat"/>). With <paramref name="maskDestinations"/>
/// the destinations are masked.
/// </summary>
internal sealed class JsonPlanRenderer(bool maskDestinations = false) : IPlanRenderer
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // The file is not embedded in HTML; keep '+' and non-ASCII addresses readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the JSON, UTF-8 without a byte-order mark, as the console's output text.</summary>
    public void Render(Plan plan, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        using var buffer = new MemoryStream();
        Write(plan, buffer, maskDestinations);
        console.Profile.Out.Writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        console.Profile.Out.Writer.Write('\n');
    }

    /// <summary>Writes the JSON to <paramref name="stream"/>, which is left open.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The plan holds an action, state or check this renderer does not know.</exception>
    public static void Write(Plan plan, Stream stream, bool maskDestinations = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString(F.Version, F.FormatVersion);
        writer.WriteString(F.Scope, PlanWords.Name(plan.Scope));
        WriteSummary(writer, plan);
        writer.WriteStartArray(F.Changes);
        foreach (var change in plan.AliasChanges)
        {
            JsonChangeWriter.Write(writer, change, maskDestinations);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(F.ConfigChanges);
        foreach (var change in plan.ConfigChanges)
        {
            JsonChangeWriter.Write(writer, change, maskDestinations);
        }

        writer.WriteEndArray();
        JsonSettingsWriter.Write(writer, plan.Settings);
        writer.WriteStartArray(F.Expiring);
        foreach (var expiry in plan.Expiring)
        {
            JsonExpiryWriter.Write(writer, expiry);
        }

        writer.WriteEndArray();
        WriteSafety(writer, plan);
        WriteSkipped(writer, plan);
        writer.WriteNumber(F.ExistingAliases, plan.ExistingAliases);
        writer.WriteStartObject(F.Basis);
        WriteDigests(writer, F.Table, plan.Basis.Table);
        WriteDigests(writer, F.Desired, plan.Basis.Desired);
        writer.WriteEndObject();
        writer.WriteString(F.ChangesDigest, plan.ChangesDigest);
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, Plan plan)
    {
        var summary = plan.Summary;
        writer.WriteStartObject(F.Summary);
        writer.WriteNumber(F.Create, summary.Create);
        writer.WriteNumber(F.Update, summary.Update);
        writer.WriteNumber(F.Delete, summary.Delete);
        writer.WriteNumber(F.Rename, summary.Rename);
        writer.WriteNumber(F.RecentlyUsed, plan.RecentlyUsed);
        writer.WriteNumber(F.Expired, plan.Expired.Length);
        writer.WriteEndObject();
    }

    private static void WriteSafety(Utf8JsonWriter writer, Plan plan)
    {
        writer.WriteStartObject(F.Safety);
        writer.WriteBoolean(F.Safe, plan.IsSafe);
        writer.WriteStartArray(F.Violations);
        foreach (var violation in plan.Violations)
        {
            writer.WriteStartObject();
            writer.WriteString(F.Check, PlanWords.Name(violation.Check));
            writer.WriteNumber(F.Count, violation.Count);
            writer.WriteNumber(F.Existing, violation.Existing);
            writer.WriteNumber(F.Percent, violation.Percent);
            writer.WriteNumber(F.ThresholdPercent, violation.ThresholdPercent);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSkipped(Utf8JsonWriter writer, Plan plan)
    {
        writer.WriteStartArray(F.Skipped);
        foreach (var item in plan.Skipped)
        {
            writer.WriteStartObject();
            if (item.Key is { } key)
            {
                writer.WriteString(F.Key, key.FullAddress);
            }

            writer.WriteString(F.Reason, item.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteDigests(Utf8JsonWriter writer, string name, ImmutableSortedDictionary<string, string> digests)
    {
        writer.WriteStartObject(name);
        foreach (var (key, digest) in digests)
        {
            writer.WriteString(key, digest);
        }

        writer.WriteEndObject();
    }
}
