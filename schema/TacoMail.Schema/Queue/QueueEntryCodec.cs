using System.Globalization;
using System.Text.Json;
using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Queue;

/// <summary>
/// Reads and writes a <see cref="QueueEntry"/> as the JSON object under <c>queue/</c> and
/// <c>failed/</c> (<see cref="FormatVersion"/> 1). Written with the reader and writer, not
/// reflection, so that the Native AOT Lambda and the CLI share it. An entry that cannot be read
/// is reported, never guessed at: the message it names stays where it is.
/// </summary>
public static class QueueEntryCodec
{
    public const int FormatVersion = 1;

    private const string Version = "format_version";
    private const string MessageIdName = "message_id";
    private const string ReceivedAtName = "received_at";
    private const string EnvelopeSenderName = "envelope_sender";
    private const string RecipientsName = "recipients";
    private const string VerdictsName = "verdicts";
    private const string HeadersName = "headers";
    private const string StateName = "state";
    private const string AttemptsName = "attempts";
    private const string NextAttemptAtName = "next_attempt_at";
    private const string LastErrorName = "last_error";

    private static readonly string[] VerdictNames = ["spam", "virus", "spf", "dkim", "dmarc"];

    public static byte[] Encode(QueueEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber(Version, FormatVersion);
            writer.WriteString(MessageIdName, entry.MessageId);
            writer.WriteString(ReceivedAtName, Time(entry.ReceivedAt));
            writer.WriteString(EnvelopeSenderName, entry.EnvelopeSender);
            writer.WriteStartArray(RecipientsName);
            foreach (var recipient in entry.Recipients)
            {
                writer.WriteStringValue(recipient);
            }

            writer.WriteEndArray();
            writer.WriteStartObject(VerdictsName);
            var verdicts = Verdicts(entry.Verdicts);
            for (var i = 0; i < VerdictNames.Length; i++)
            {
                writer.WriteString(VerdictNames[i], verdicts[i].ToName());
            }

            writer.WriteEndObject();
            writer.WriteStartArray(HeadersName);
            foreach (var header in entry.Headers)
            {
                writer.WriteStartObject();
                writer.WriteString("name", header.Name);
                writer.WriteString("value", header.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString(StateName, StateWord(entry.State));
            writer.WriteNumber(AttemptsName, entry.Attempts);
            writer.WriteString(NextAttemptAtName, Time(entry.NextAttemptAt));
            writer.WriteString(LastErrorName, entry.LastError);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The entry in <paramref name="json"/>, or why it cannot be read.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> json, out QueueEntry? entry, out string? problem)
    {
        entry = null;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail("not a JSON object", out problem);
            }

            if (!root.TryGetProperty(Version, out var version) || !version.TryGetInt32(out var number) || number != FormatVersion)
            {
                return Fail($"{Version} is not {FormatVersion}", out problem);
            }

            var verdicts = root.GetProperty(VerdictsName);
            entry = new QueueEntry(
                root.GetProperty(MessageIdName).GetString() ?? throw new FormatException($"{MessageIdName} is null"),
                ParseTime(root.GetProperty(ReceivedAtName)),
                root.GetProperty(EnvelopeSenderName).GetString(),
                [.. root.GetProperty(RecipientsName).EnumerateArray().Select(r => r.GetString() ?? throw new FormatException("a recipient is null"))],
                new MessageVerdicts(
                    Verdict(verdicts, "spam"), Verdict(verdicts, "virus"), Verdict(verdicts, "spf"), Verdict(verdicts, "dkim"), Verdict(verdicts, "dmarc")),
                [.. root.GetProperty(HeadersName).EnumerateArray().Select(h => new MessageHeader(
                    h.GetProperty("name").GetString() ?? string.Empty, h.GetProperty("value").GetString() ?? string.Empty))],
                ParseState(root.GetProperty(StateName).GetString()),
                root.GetProperty(AttemptsName).GetInt32(),
                ParseTime(root.GetProperty(NextAttemptAtName)),
                root.TryGetProperty(LastErrorName, out var error) ? error.GetString() : null);
            if (!MailBucketLayout.IsMessageId(entry.MessageId))
            {
                entry = null;
                return Fail($"{MessageIdName} is not a message id", out problem);
            }

            problem = null;
            return true;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            entry = null;
            return Fail(exception.Message, out problem);
        }
    }

    private static bool Fail(string what, out string problem)
    {
        problem = $"unreadable queue entry: {what}";
        return false;
    }

    private static VerdictStatus[] Verdicts(MessageVerdicts v) => [v.Spam, v.Virus, v.Spf, v.Dkim, v.Dmarc];

    private static VerdictStatus Verdict(JsonElement verdicts, string name) =>
        VerdictStatusNames.Parse(verdicts.TryGetProperty(name, out var value) ? value.GetString() : null);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(JsonElement element) =>
        DateTimeOffset.Parse(element.GetString() ?? throw new FormatException("a time is null"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string StateWord(QueueEntryState state) => state switch
    {
        QueueEntryState.Queued => "queued",
        QueueEntryState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Undefined queue state."),
    };

    private static QueueEntryState ParseState(string? word) => word switch
    {
        "queued" => QueueEntryState.Queued,
        "failed" => QueueEntryState.Failed,
        _ => throw new FormatException($"state '{word}' is not queued or failed"),
    };
}
