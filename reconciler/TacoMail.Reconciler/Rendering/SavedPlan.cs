using System.Collections.Immutable;
using System.Text.Json;
using TacoMail.Reconciler.Planning;
using F = TacoMail.Reconciler.Rendering.JsonPlanFields;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// What <c>apply FILE</c> needs from a plan saved with <c>plan --out</c>: the basis and changes
/// digest to compare with a fresh plan (a saved plan is applied only if nothing changed since),
/// and the summary to report. The changes themselves are not read back: apply executes the fresh
/// plan, which the digest proves identical.
/// </summary>
internal sealed record SavedPlan(string FormatVersion, PlanBasis Basis, string ChangesDigest, PlanSummary Summary)
{
    /// <summary>Reads a plan written by <see cref="JsonPlanRenderer.Write"/>.</summary>
    /// <exception cref="TacoMailException">The stream is not a tacomail JSON plan, or one of another format version.</exception>
    public static SavedPlan Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new TacoMailException($"the file is not a tacomail plan: it is not valid JSON ({e.Message}). Save a plan with tacomail plan --out FILE.", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty(F.Version, out var version)
                || version.ValueKind != JsonValueKind.String)
            {
                throw new TacoMailException(
                    $"the file is not a tacomail plan: it has no '{F.Version}'. Save a plan with tacomail plan --out FILE.");
            }

            if (version.GetString() != F.FormatVersion)
            {
                throw new TacoMailException(
                    $"the plan has format version '{version.GetString()}', but this tacomail reads version '{F.FormatVersion}'. "
                    + "Run tacomail plan --out FILE again with this version.");
            }

            var basis = Member(root, F.Basis, JsonValueKind.Object);
            return new SavedPlan(
                F.FormatVersion,
                new PlanBasis(ReadDigests(basis, F.Table), ReadDigests(basis, F.Desired)),
                Member(root, F.ChangesDigest, JsonValueKind.String).GetString()!,
                ReadSummary(Member(root, F.Summary, JsonValueKind.Object)));
        }
    }

    private static PlanSummary ReadSummary(JsonElement summary) => new(
        Count(summary, F.Create),
        Count(summary, F.Update),
        Count(summary, F.Delete),
        Count(summary, F.Rename));

    private static int Count(JsonElement parent, string name) =>
        Member(parent, name, JsonValueKind.Number).TryGetInt32(out var count) && count >= 0
            ? count
            : throw Damaged($"'{name}' is not a count");

    private static ImmutableSortedDictionary<string, string> ReadDigests(JsonElement basis, string name)
    {
        var digests = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in Member(basis, name, JsonValueKind.Object).EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw Damaged($"the digest of '{property.Name}' in '{F.Basis}.{name}' is not a string");
            }

            digests[property.Name] = property.Value.GetString()!;
        }

        return digests.ToImmutable();
    }

    private static JsonElement Member(JsonElement parent, string name, JsonValueKind kind) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == kind
            ? value
            : throw Damaged($"'{name}' is missing or not {(kind == JsonValueKind.Object ? "an" : "a")} {kind.ToString().ToLowerInvariant()}");

    private static TacoMailException Damaged(string problem) =>
        new($"the plan file is damaged: {problem}. Run tacomail plan --out FILE again.");
}
