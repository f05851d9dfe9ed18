using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// The saved-plan file as JSON (<see cref="SavedPlanFormat"/>). Every member may be missing in a
/// file, so each is nullable here and checked after reading.
/// </summary>
internal sealed record SavedPlanDocument(
    [property: JsonPropertyName("format")] string? Format,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("summary")] SavedPlanDocument.Counts? Summary,
    [property: JsonPropertyName("basis")] SavedPlanDocument.Digests? Basis,
    [property: JsonPropertyName("changes_digest")] string? ChangesDigest)
{
    /// <summary>The alias changes per action.</summary>
    internal sealed record Counts(
        [property: JsonPropertyName("create")] int? Create,
        [property: JsonPropertyName("update")] int? Update,
        [property: JsonPropertyName("delete")] int? Delete,
        [property: JsonPropertyName("rename")] int? Rename);

    /// <summary>The per-item digests of <see cref="PlanBasis"/>.</summary>
    internal sealed record Digests(
        [property: JsonPropertyName("table")] ImmutableSortedDictionary<string, string>? Table,
        [property: JsonPropertyName("desired")] ImmutableSortedDictionary<string, string>? Desired);
}
