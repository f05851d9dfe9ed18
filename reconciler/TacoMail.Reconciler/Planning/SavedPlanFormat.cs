using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// The file <c>plan --out</c> writes and <c>apply FILE</c> reads: its own versioned format, apart
/// from the <c>--format json</c> view, so that either can change without breaking the other. It
/// holds only what apply checks (<see cref="SavedPlan"/>), hence no destination. Plans saved by
/// earlier versions (the JSON view, marked by <c>format_version</c>) and unknown versions are
/// refused with a message that says to plan again.
/// </summary>
internal static class SavedPlanFormat
{
    /// <summary>The value of <c>format</c> that marks a saved plan.</summary>
    public const string Format = "tacomail-saved-plan";

    /// <summary>The version this tacomail writes and the only one it reads (1 was the JSON view).</summary>
    public const int Version = 2;

    private const string FormatMember = "format";
    private const string VersionMember = "version";
    private const string OldVersionMember = "format_version";

    private static readonly SavedPlanJsonContext Json = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        NewLine = "\n",
        // Keep '+' and non-ASCII addresses in the basis readable; the file is not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes <paramref name="plan"/> to <paramref name="stream"/>, which is left open.</summary>
    public static void Write(Plan plan, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var saved = SavedPlan.Of(plan);
        var summary = saved.Summary;
        var document = new SavedPlanDocument(
            Format,
            Version,
            new SavedPlanDocument.Counts(summary.Create, summary.Update, summary.Delete, summary.Rename),
            new SavedPlanDocument.Digests(saved.Basis.Table, saved.Basis.Desired),
            saved.ChangesDigest);
        JsonSerializer.Serialize(stream, document, Json.SavedPlanDocument);
    }

    /// <param name="stream">The file's content.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <exception cref="TacoMailException">Not a saved plan, one of another format version, or a damaged one.</exception>
    public static SavedPlan Read(Stream stream, string file)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            using var document = JsonDocument.Parse(stream);
            CheckVersion(document.RootElement, file);
            var saved = document.RootElement.Deserialize(Json.SavedPlanDocument)
                ?? throw Damaged(file, "it is empty");
            return Checked(saved, file);
        }
        catch (JsonException e)
        {
            throw new TacoMailException($"{file} is not a readable tacomail saved plan ({e.Message}). {Again(file)}", e);
        }
    }

    private static void CheckVersion(JsonElement root, string file)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(FormatMember, out var format)
            || format.ValueKind != JsonValueKind.String
            || format.GetString() != Format)
        {
            throw new TacoMailException(root.ValueKind == JsonValueKind.Object && root.TryGetProperty(OldVersionMember, out _)
                ? $"{file} was saved by an earlier tacomail (a JSON plan with \"{OldVersionMember}\"), which this tacomail no longer applies. {Again(file)}"
                : $"{file} is not a tacomail saved plan: it has no \"{FormatMember}\": \"{Format}\". {Again(file)}");
        }

        var hasVersion = root.TryGetProperty(VersionMember, out var version);
        if (!hasVersion || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != Version)
        {
            var found = hasVersion ? version.GetRawText() : "none";
            throw new TacoMailException(
                $"{file} is a saved plan of version {found}, but this tacomail reads only version {Version}. {Again(file)}");
        }
    }

    private static SavedPlan Checked(SavedPlanDocument saved, string file)
    {
        var counts = saved.Summary ?? throw Damaged(file, "\"summary\" is missing");
        var basis = saved.Basis ?? throw Damaged(file, "\"basis\" is missing");
        var digest = saved.ChangesDigest ?? throw Damaged(file, "\"changes_digest\" is missing");
        return new SavedPlan(
            new PlanBasis(Digests(basis.Table, "table", file), Digests(basis.Desired, "desired", file)),
            digest,
            new PlanSummary(
                Count(counts.Create, "create", file),
                Count(counts.Update, "update", file),
                Count(counts.Delete, "delete", file),
                Count(counts.Rename, "rename", file)));
    }

    private static int Count(int? count, string name, string file) =>
        count is >= 0 ? count.Value : throw Damaged(file, $"\"summary.{name}\" is missing or negative");

    private static ImmutableSortedDictionary<string, string> Digests(ImmutableSortedDictionary<string, string>? digests, string name, string file)
    {
        if (digests is null)
        {
            throw Damaged(file, $"\"basis.{name}\" is missing");
        }

        if (digests.FirstOrDefault(d => d.Value is null) is { Key: { } key })
        {
            throw Damaged(file, $"the digest of '{key}' in \"basis.{name}\" is missing");
        }

        return digests.WithComparers(StringComparer.Ordinal);
    }

    private static TacoMailException Damaged(string file, string problem) =>
        new($"{file} is a damaged saved plan: {problem}. {Again(file)}");

    private static string Again(string file) => $"Run tacomail plan --out {file} again, and review the new plan.";
}
