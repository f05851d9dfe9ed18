using System.Text.Json;

namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>
/// Writes the JSON body of SES v2 <c>SendEmail</c> with raw content,
/// <c>{"FromEmailAddress":…,"Destination":{"ToAddresses":[…]},"Content":{"Raw":{"Data":"base64"}}}</c>,
/// streaming the message through <see cref="Utf8JsonWriter.WriteBase64StringSegment"/> so a 40 MB
/// message (54 MB as base64) never exists as one string or array.
/// </summary>
internal static class SendEmailBody
{
    public const string ContentType = "application/json";

    /// <summary>Flush the writer to the stream whenever this much is pending.</summary>
    private const int FlushThreshold = 64 * 1024;

    public static async Task WriteAsync(OutgoingEmail email, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(destination);
        var writer = new Utf8JsonWriter(destination);
        await using var writerScope = writer.ConfigureAwait(false);
        writer.WriteStartObject();
        writer.WriteString("FromEmailAddress", email.From);
        writer.WriteStartObject("Destination");
        writer.WriteStartArray("ToAddresses");
        writer.WriteStringValue(email.To);
        writer.WriteEndArray();
        writer.WriteEndObject();
        if (email.FeedbackAddress is { } feedback)
        {
            writer.WriteString("FeedbackForwardingEmailAddress", feedback);
        }

        writer.WriteStartObject("Content");
        writer.WriteStartObject("Raw");
        writer.WritePropertyName("Data");
        await foreach (var chunk in email.Message.ReadChunksAsync(cancellationToken).ConfigureAwait(false))
        {
            writer.WriteBase64StringSegment(chunk.Span, isFinalSegment: false);
            if (writer.BytesPending >= FlushThreshold)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteBase64StringSegment([], isFinalSegment: true);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
