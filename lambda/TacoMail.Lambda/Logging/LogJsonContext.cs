using System.Text.Json.Serialization;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Queue;

namespace TacoMail.Lambda.Logging;

/// <summary>Source-generated serialization of every log line (no reflection under Native AOT); compact, one line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DispositionLogEntry))]
[JsonSerializable(typeof(DeliveryLogEntry))]
[JsonSerializable(typeof(SweepLogEntry))]
internal sealed partial class LogJsonContext : JsonSerializerContext;
