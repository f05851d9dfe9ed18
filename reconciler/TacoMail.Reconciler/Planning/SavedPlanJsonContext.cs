using System.Text.Json.Serialization;

namespace TacoMail.Reconciler.Planning;

/// <summary>Source-generated serialization of the saved-plan file: no reflection, and its own shape.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SavedPlanDocument))]
internal sealed partial class SavedPlanJsonContext : JsonSerializerContext;
