using System.Text.Json;

namespace TacoMail.Lambda.Delivery.Queue;

/// <summary>
/// Recognises the EventBridge schedule's event (<c>"source":"aws.events"</c>,
/// <c>"detail-type":"Scheduled Event"</c>), which asks the delivery function to sweep the queue
/// rather than deliver one message.
/// </summary>
internal static class ScheduledEvent
{
    public const string Source = "aws.events";
    public const string DetailType = "Scheduled Event";

    public static bool Is(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String && source.GetString() == Source
                && root.TryGetProperty("detail-type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == DetailType;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
