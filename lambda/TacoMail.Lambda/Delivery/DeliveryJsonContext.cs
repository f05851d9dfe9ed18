using System.Text.Json.Serialization;

namespace TacoMail.Lambda.Delivery;

/// <summary>Source-generated serialization of the delivery's response and log line (no reflection under Native AOT).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeliveryResponse))]
[JsonSerializable(typeof(DeliveryLogEntry))]
[JsonSerializable(typeof(Queue.SweepResult))]
[JsonSerializable(typeof(Queue.SweepLogEntry))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext;
