using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace TacoMail.Reconciler.Replies;

/// <summary>
/// An alias's reverse addresses for scripts (<c>--format json</c>), versioned like the queue's:
/// <c>{"format_version":"1","alias":…,"reverse_aliases":[{"address","correspondent","created_at","last_used_at"}]}</c>,
/// in the listing's order. Times are ISO 8601 UTC; <c>last_used_at</c> is null when never used.
/// Members are only ever added within a version.
/// </summary>
internal static class ReverseAliasJsonRenderer
{
    public const string FormatVersion = "1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document to the console's output as it is, with no markup or wrapping.</summary>
    public static void Render(ReverseAliasListing listing, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.Write(Write(listing));
        console.Profile.Out.Writer.Write('\n');
    }

    public static string Write(ReverseAliasListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format_version", FormatVersion);
            writer.WriteString("alias", listing.Alias);
            writer.WriteStartArray("reverse_aliases");
            foreach (var record in listing.ReverseAliases)
            {
                writer.WriteStartObject();
                writer.WriteString("address", record.Address.Address);
                writer.WriteString("correspondent", record.Correspondent);
                writer.WriteString("created_at", ReverseAliasListing.IsoTime(record.CreatedDatetime));
                if (record.LastUsedDatetime is { } lastUsed)
                {
                    writer.WriteString("last_used_at", ReverseAliasListing.IsoTime(lastUsed));
                }
                else
                {
                    writer.WriteNull("last_used_at");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
