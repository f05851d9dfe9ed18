using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Config.Validation;

/// <summary>
/// Turns NJsonSchema's error kinds into messages that say what is wrong and how to fix it
/// (which keys are allowed, which type was expected, which values are valid), using the
/// schema's own titles and descriptions so that schema and messages cannot drift apart.
/// </summary>
internal static class SchemaErrorTranslator
{
    private const string MainFileTitle = "tacomail.yaml";

    public static SchemaProblem? Translate(ValidationError error, JsonProjection projection)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(projection);
        var token = error.Token ?? projection.Root;
        var node = projection.Find(token) ?? projection.Find(projection.Root)!;
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownKey(error, token, node),
            ValidationErrorKind.PropertyRequired => MissingKey(error, token, projection),
            ValidationErrorKind.NotInEnumeration => NotInEnumeration(error, token, node),
            ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected
                or ValidationErrorKind.IntegerExpected or ValidationErrorKind.BooleanExpected
                or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
                or ValidationErrorKind.NullExpected or ValidationErrorKind.NoTypeValidates =>
                WrongType(error, token, node),
            _ => Constraint(error, token, node),
        };
    }

    private static SchemaProblem UnknownKey(ValidationError error, JToken token, SourceNode node)
    {
        var name = token is JProperty property ? property.Name : error.Property ?? string.Empty;
        var allowed = error.Schema?.ActualSchema.Properties.Keys.ToList() ?? [];
        var container = token.Parent is { Path.Length: > 0 } parent ? $"'{parent.Path}'" : RootName(error.Schema);
        return new SchemaProblem(
            node,
            DiagnosticCodes.UnknownKey,
            $"unknown key '{name}' in {container}{ClosestMatch.Hint(name, allowed)}; fix or remove it, " +
            $"the allowed keys are: {string.Join(", ", allowed)}");
    }

    private static SchemaProblem? MissingKey(ValidationError error, JToken token, JsonProjection projection)
    {
        if (token is not JObject || projection.Find(token) is not SourceMapping { IsIncomplete: false } mapping)
        {
            return null;
        }

        var name = error.Property ?? string.Empty;
        var owner = token.Parent is JProperty property ? projection.Find(property) ?? mapping : mapping;
        var subject = token.Path.Length > 0 ? $"'{token.Path}'" : RootName(error.Schema);
        var description = error.Schema?.ActualSchema.Properties.TryGetValue(name, out var keySchema) == true
            ? $" ({keySchema.Description?.TrimEnd('.')})"
            : string.Empty;
        return new SchemaProblem(
            owner,
            DiagnosticCodes.MissingKey,
            $"{subject} is missing the required key '{name}'{description}; add '{name}:' with a value");
    }

    private static SchemaProblem NotInEnumeration(ValidationError error, JToken token, SourceNode node)
    {
        var allowed = error.Schema?.ActualSchema.Enumeration.Select(value => value?.ToString() ?? "null").ToList() ?? [];
        var written = node is SourceScalar scalar ? scalar.Value : node.Describe();
        return new SchemaProblem(
            node,
            DiagnosticCodes.NotAllowedValue,
            $"{Subject(token)} is '{written}', which is not allowed{ClosestMatch.Hint(written, allowed)}; " +
            $"use one of: {string.Join(", ", allowed)}");
    }

    private static SchemaProblem WrongType(ValidationError error, JToken token, SourceNode node)
    {
        var expected = error.Kind == ValidationErrorKind.NoTypeValidates && error.Schema is not null
            ? ExpectedTypes(error.Schema.ActualSchema.Type)
            : ExpectedType(error.Kind);
        return new SchemaProblem(
            node,
            DiagnosticCodes.WrongType,
            $"{Subject(token)} must be {expected}, not {node.Describe()}{TypeHint(error, token, node, expected)}");
    }

    private static string TypeHint(ValidationError error, JToken token, SourceNode node, string expected)
    {
        var types = error.Schema?.ActualSchema.Type ?? JsonObjectType.None;
        var wantsText = error.Kind == ValidationErrorKind.StringExpected || types.HasFlag(JsonObjectType.String);
        return node switch
        {
            SourceScalar { Kind: ScalarKind.Null } when !types.HasFlag(JsonObjectType.Null) =>
                "; write a value after the colon, or remove the key",
            SourceScalar { IsPlain: true } scalar when wantsText => $"; quote it: '{scalar.Value}'",
            SourceScalar scalar when error.Kind == ValidationErrorKind.ArrayExpected =>
                $"; write it as a list, e.g. [{scalar.Value}]",
            _ when types.HasFlag(JsonObjectType.Object) && types.HasFlag(JsonObjectType.Null) && IsAliasEntry(token) =>
                "; write a mapping such as { state: paused }, or leave it empty for the defaults",
            _ when types.HasFlag(JsonObjectType.Object) && types.HasFlag(JsonObjectType.Null) =>
                "; write 'key: value' lines indented below it, or leave it empty",
            _ => $"; replace it with {expected}",
        };
    }

    private static bool IsAliasEntry(JToken token) =>
        token.Parent?.Parent?.Parent is JProperty { Name: "aliases", Parent.Parent: null };

    private static SchemaProblem Constraint(ValidationError error, JToken token, SourceNode node)
    {
        var schema = error.Schema?.ActualSchema;
        var written = node is SourceScalar scalar ? scalar.Value : node.Describe();
        var subject = Subject(token);
        var message = error.Kind switch
        {
            ValidationErrorKind.NumberTooBig =>
                $"{subject} is {written}, more than the maximum of {Format(schema?.Maximum)}; lower it",
            ValidationErrorKind.NumberTooSmall =>
                $"{subject} is {written}, less than the minimum of {Format(schema?.Minimum)}; raise it",
            ValidationErrorKind.StringTooShort when schema?.MinLength == 1 =>
                $"{subject} is empty; write a value or remove the key",
            ValidationErrorKind.StringTooShort =>
                $"{subject} is '{written}', shorter than {schema?.MinLength} characters; correct it",
            ValidationErrorKind.StringTooLong =>
                $"{subject} is longer than {schema?.MaxLength} characters; shorten it",
            ValidationErrorKind.PatternMismatch =>
                $"{subject} is '{written}', which is not of the expected form ({schema?.Description?.TrimEnd('.')}); correct it",
            ValidationErrorKind.TooFewItems =>
                $"{subject} must have at least {schema?.MinItems} item(s); add one",
            _ => $"{subject} is not valid here ({error.Kind}); see schema/tacomail.schema.json",
        };
        return new SchemaProblem(node, DiagnosticCodes.ConstraintViolated, message);
    }

    private static string Subject(JToken token) => token.Path.Length > 0 ? $"'{token.Path}'" : "the file";

    private static string RootName(JsonSchema? schema) =>
        schema?.ActualSchema.Title is { } title
            ? title == MainFileTitle ? title : $"this {title}"
            : "this file";

    private static string ExpectedType(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "text",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.IntegerExpected => "a whole number",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ObjectExpected => "a mapping (key: value)",
        ValidationErrorKind.ArrayExpected => "a list",
        _ => "empty",
    };

    private static string ExpectedTypes(JsonObjectType types)
    {
        var names = new List<string>();
        AddIf(JsonObjectType.Object, "a mapping (key: value)");
        AddIf(JsonObjectType.Array, "a list");
        AddIf(JsonObjectType.String, "text");
        AddIf(JsonObjectType.Integer, "a whole number");
        AddIf(JsonObjectType.Number, "a number");
        AddIf(JsonObjectType.Boolean, "true or false");
        AddIf(JsonObjectType.Null, "empty");
        return string.Join(" or ", names);

        void AddIf(JsonObjectType type, string name)
        {
            if (types.HasFlag(type))
            {
                names.Add(name);
            }
        }
    }

    private static string Format(decimal? value) =>
        value?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
