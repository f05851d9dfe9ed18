using System.Text.Json.Serialization;

namespace TacoMail.Lambda.Delivery;

/// <summary>Source-generated serialization of the delivery's responses (no reflection under Native AOT); its log lines are <see cref="Logging.LogJsonContext"/>'s.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeliveryResponse))]
[JsonSerializable(typeof(Queue.SweepResult))]
internal sealed partial class DeliveryJsonContext : JsonSerializerContext;
