using System.Text.Json.Serialization;

namespace TacoMail.Smtp.Spool;

/// <summary>Source-generated JSON for the envelope: no reflection, snake_case like the table and the bucket's queue entries.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(SpoolEnvelope))]
internal sealed partial class SpoolJsonContext : JsonSerializerContext;
