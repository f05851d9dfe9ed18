using System.Text.Json.Serialization;

namespace TacoMail.Lambda.Logging;

/// <summary>Source-generated serialization of log lines (no reflection under Native AOT); compact, one line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DispositionLogEntry))]
internal sealed partial class LogJsonContext : JsonSerializerContext;
