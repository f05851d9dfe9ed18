using NJsonSchema;
using NJsonSchema.Validation;

namespace TacoMail.Reconciler.Config.Validation;

/// <summary>
/// Validates one file's <see cref="JsonProjection"/> against its schema and reports each error at
/// the YAML node it concerns. Errors nested under an alias or a list item are unwrapped so each
/// is reported where it is, not at its container.
/// </summary>
internal static class SchemaValidator
{
    public static void Validate(string path, JsonProjection projection, JsonSchema schema, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var error in Flatten(schema.Validate(projection.Root)))
        {
            var problem = SchemaErrorTranslator.Translate(error, projection);
            if (problem is not null)
            {
                diagnostics.Add(path, problem.Node, problem.Code, problem.Message);
            }
        }
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.AdditionalPropertiesNotValid
                    or ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.AdditionalItemNotValid)
            {
                foreach (var nested in Flatten(child.Errors.Values.SelectMany(list => list)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }
}
