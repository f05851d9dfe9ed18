using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace TacoMail.Reconciler.Queue;

/// <summary>
/// The queue for scripts and monitoring (<c>--format json</c>), versioned like the JSON plan:
/// <c>{"format_version":"1","generated_at":…,"summary":{…},"messages":[…],"unreadable":[…]}</c>.
/// Times are ISO 8601 UTC, ages whole seconds. Members are only ever added within a version.
/// </summary>
internal static class QueueJsonRenderer
{
    public const string FormatVersion = "1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document to the console's output as it is, with no markup or wrapping.</summary>
    public static void Render(QueueSnapshot snapshot, IAnsiConsole console, bool showSenders)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.Write(Write(snapshot, showSenders));
        console.Profile.Out.Writer.Write('\n');
    }

    public static string Write(QueueSnapshot snapshot, bool showSenders)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format_version", FormatVersion);
            writer.WriteString("generated_at", Time(snapshot.At));
            writer.WriteStartObject("summary");
            writer.WriteNumber("queued", snapshot.Queued);
            writer.WriteNumber("failed", snapshot.Failed);
            writer.WriteNumber("unreadable", snapshot.Unreadable);
            if (snapshot.OldestAge is { } oldest)
            {
                writer.WriteNumber("oldest_age_seconds", Seconds(oldest));
            }
            else
            {
                writer.WriteNull("oldest_age_seconds");
            }

            writer.WriteString("text", QueueText.Summary(snapshot));
            writer.WriteEndObject();
            writer.WriteStartArray("messages");
            foreach (var item in snapshot.Items.Where(i => i.IsReadable))
            {
                WriteMessage(writer, item, snapshot.At, showSenders);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unreadable");
            foreach (var item in snapshot.Items.Where(i => !i.IsReadable))
            {
                writer.WriteStartObject();
                writer.WriteString("key", item.Key);
                writer.WriteString("id", item.MessageId);
                writer.WriteString("state", QueueText.State(item.State));
                writer.WriteString("problem", item.Problem);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteMessage(Utf8JsonWriter writer, QueueItem item, DateTimeOffset now, bool showSenders)
    {
        var entry = item.Entry!;
        writer.WriteStartObject();
        writer.WriteString("id", entry.MessageId);
        writer.WriteString("key", item.Key);
        writer.WriteString("state", QueueText.State(item.State));
        writer.WriteString("received_at", Time(entry.ReceivedAt));
        writer.WriteNumber("age_seconds", Seconds(entry.AgeAt(now)));
        writer.WriteString("envelope_sender", QueueText.Sender(entry.EnvelopeSender, showSenders));
        writer.WriteStartArray("recipients");
        foreach (var recipient in entry.Recipients)
        {
            writer.WriteStringValue(recipient);
        }

        writer.WriteEndArray();
        writer.WriteNumber("attempts", entry.Attempts);
        writer.WriteString("next_attempt_at", Time(entry.NextAttemptAt));
        writer.WriteString("last_error", QueueText.Error(entry.LastError, showSenders));
        writer.WriteEndObject();
    }

    private static long Seconds(TimeSpan age) => Math.Max(0, (long)age.TotalSeconds);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
