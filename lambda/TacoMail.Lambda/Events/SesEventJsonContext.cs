using System.Text.Json;
using System.Text.Json.Serialization;

namespace TacoMail.Lambda.Events;

/// <summary>
/// Source-generated serialization of the SES event and the disposition response: Native AOT
/// allows no reflection-based JSON. Unknown properties are ignored, so new AWS fields are harmless.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SesEvent))]
[JsonSerializable(typeof(DispositionResponse))]
internal sealed partial class SesEventJsonContext : JsonSerializerContext;
