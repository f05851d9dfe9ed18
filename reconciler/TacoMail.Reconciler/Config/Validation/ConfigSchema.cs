using NJsonSchema;

namespace TacoMail.Reconciler.Config.Validation;

/// <summary>
/// The JSON schema of the config files (<c>schema/tacomail.schema.json</c>, embedded in this
/// assembly), split into its two file kinds. The loader picks the kind by file name, so a
/// domain file's errors never talk about <c>tacomail.yaml</c> keys.
/// </summary>
internal sealed class ConfigSchema
{
    /// <summary>The manifest resource name (see the reconciler's csproj).</summary>
    public const string ResourceName = "tacomail.schema.json";

    private ConfigSchema(JsonSchema mainFile, JsonSchema domainFile)
    {
        MainFile = mainFile;
        DomainFile = domainFile;
    }

    /// <summary>The schema of <c>tacomail.yaml</c>.</summary>
    public JsonSchema MainFile { get; }

    /// <summary>The schema of a domain file.</summary>
    public JsonSchema DomainFile { get; }

    /// <exception cref="InvalidOperationException">The embedded schema is missing or lacks a definition.</exception>
    public static async Task<ConfigSchema> LoadAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var root = await JsonSchema.FromJsonAsync(json, cancellationToken);
        return new ConfigSchema(Definition(root, "mainFile"), Definition(root, "domainFile"));
    }

    private static JsonSchema Definition(JsonSchema root, string name) =>
        root.Definitions.TryGetValue(name, out var schema)
            ? schema
            : throw new InvalidOperationException($"The schema has no definition '{name}'.");
}
