using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// Stats for scripts and dashboards (<c>--format json</c>), versioned like the JSON plan
/// (<see cref="FormatVersion"/>; members are only ever added within a version):
/// <c>{"format_version":"1","generated_at","query":{…},"destinations_masked","summary":{…},"domains":[{…,"aliases":[…]}],"skipped":[…]}</c>.
/// Times are ISO 8601 UTC, ages whole seconds; an unknown last use is null. The order is the
/// report's, so a script sees what the text shows.
/// </summary>
internal sealed class StatsJsonRenderer(bool maskDestinations = false) : IStatsRenderer
{
    public const string FormatVersion = "1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // Not embedded in HTML; keep '+' and non-ASCII addresses readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document to the console's output as it is, with no markup or wrapping.</summary>
    public void Render(StatsReport report, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.Write(Write(report));
        console.Profile.Out.Writer.Write('\n');
    }

    public string Write(StatsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format_version", FormatVersion);
            writer.WriteString("generated_at", Time(report.At));
            WriteQuery(writer, report);
            writer.WriteBoolean("destinations_masked", maskDestinations);
            writer.WriteStartObject("summary");
            writer.WriteNumber("domain_count", report.Domains.Length);
            writer.WriteNumber("alias_count", report.AliasCount);
            writer.WriteNumber("aliases_read", report.AliasesRead);
            writer.WriteNumber("use_count", report.UseCount);
            WriteTime(writer, "last_used_at", report.LastUsed);
            writer.WriteString("text", StatsWords.Summary(report));
            writer.WriteEndObject();
            writer.WriteStartArray("domains");
            foreach (var domain in report.Domains)
            {
                WriteDomain(writer, domain);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("skipped");
            foreach (var item in report.Skipped)
            {
                writer.WriteStartObject();
                writer.WriteString("key", item.Key?.FullAddress);
                writer.WriteString("reason", item.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteQuery(Utf8JsonWriter writer, StatsReport report)
    {
        var query = report.Query;
        writer.WriteStartObject("query");
        writer.WriteString("sort", query.Sort.ToName());
        writer.WriteBoolean("reverse", query.Reverse);
        writer.WriteString("domain", query.Domain);
        writer.WriteString("unused_for", query.UnusedFor is { } duration ? StatsWords.Duration(duration) : null);
        WriteTime(writer, "unused_since", report.At - query.UnusedFor);
        writer.WriteEndObject();
    }

    private void WriteDomain(Utf8JsonWriter writer, DomainStats domain)
    {
        writer.WriteStartObject();
        writer.WriteString("domain", domain.Domain);
        writer.WriteNumber("alias_count", domain.Aliases.Length);
        writer.WriteNumber("use_count", domain.UseCount);
        WriteTime(writer, "last_used_at", domain.LastUsed);
        writer.WriteStartArray("aliases");
        foreach (var alias in domain.Aliases)
        {
            writer.WriteStartObject();
            writer.WriteString("address", alias.Address);
            writer.WriteString("state", alias.State.ToName());
            writer.WriteString("destination", StatsWords.Destination(alias.Destination, maskDestinations));
            writer.WriteNumber("use_count", alias.UseCount);
            WriteTime(writer, "last_used_at", alias.LastUsed);
            if (alias.UnusedFor is { } unusedFor)
            {
                writer.WriteNumber("unused_for_seconds", (long)unusedFor.TotalSeconds);
            }
            else
            {
                writer.WriteNull("unused_for_seconds");
            }

            writer.WriteString("created_at", Time(alias.Created));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time) =>
        writer.WriteString(name, StatsWords.Time(time));

    private static string Time(DateTimeOffset time) => StatsWords.Time(time)!;
}
