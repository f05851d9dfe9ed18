using System.IO.Compression;
using System.Text.Json;

namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>
/// Reads <c>db.json.gz</c> of <c>@aws-cdk/aws-service-spec</c>: a serialized database whose
/// <c>schema.resource.entities</c> are the resource types (<c>cloudFormationType</c>,
/// <c>properties</c>) and whose <c>schema.typeDefinition.entities</c> are the nested property types,
/// which a property's type names as <c>{ "type": "ref", "reference": { "$ref": id } }</c>. Only
/// what the template check needs is kept: names, <c>required</c> and the shape of each type.
/// </summary>
internal static class ResourceSpecReader
{
    public const string DatabaseFile = "db.json.gz";

    /// <exception cref="InvalidDataException">The database is not of the shape described above, or has a type kind this does not know.</exception>
    public static async Task<ResourceSpecification> ReadAsync(Stream compressed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        await using var json = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        using var document = await JsonDocument.ParseAsync(json, default, cancellationToken);
        try
        {
            var schema = document.RootElement.GetProperty("schema");
            var typeDefinitions = Entities(schema, "typeDefinition").ToDictionary(
                e => e.GetProperty("$id").GetString()!,
                e => ReadSet(e.GetProperty("name").GetString()!, e),
                StringComparer.Ordinal);
            var resources = Entities(schema, "resource").Select(ReadResource).ToDictionary(r => r.Type, StringComparer.Ordinal);
            return new ResourceSpecification(resources, typeDefinitions);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException($"{DatabaseFile} is not the database this reads: {exception.Message}", exception);
        }
    }

    private static JsonElement.ArrayEnumerator Entities(JsonElement schema, string collection) =>
        schema.GetProperty(collection).GetProperty("entities").EnumerateArray();

    private static ResourceTypeSpec ReadResource(JsonElement entity)
    {
        var type = entity.GetProperty("cloudFormationType").GetString()!;
        var transform = entity.TryGetProperty("cloudFormationTransform", out var t) ? t.GetString() : null;
        return new ResourceTypeSpec(type, transform, ReadSet(type, entity));
    }

    private static PropertySet ReadSet(string name, JsonElement entity) => new(
        name,
        entity.GetProperty("properties").EnumerateObject().ToDictionary(
            p => p.Name,
            p => new PropertySpec(
                p.Value.TryGetProperty("required", out var required) && required.GetBoolean(),
                ReadType(p.Value.GetProperty("type"))),
            StringComparer.Ordinal));

    private static PropertyType ReadType(JsonElement type) => type.GetProperty("type").GetString() switch
    {
        "string" or "number" or "integer" or "boolean" or "date-time" => PropertyType.Primitive,
        "json" => PropertyType.Json,
        "tag" => PropertyType.Tag,
        "ref" => PropertyType.Structure(type.GetProperty("reference").GetProperty("$ref").GetString()!),
        "array" => PropertyType.List(ReadType(type.GetProperty("element"))),
        "map" => PropertyType.Map(ReadType(type.GetProperty("element"))),
        "union" => PropertyType.Union([.. type.GetProperty("types").EnumerateArray().Select(ReadType)]),

        // A kind added by a newer specification: fail on the upgrade rather than check less.
        var kind => throw new InvalidDataException($"{DatabaseFile} has a property type of kind '{kind}', which this reader does not know"),
    };
}
