using System.Text.RegularExpressions;

namespace TacoMail.Reconciler.Config.Yaml;

/// <summary>
/// Types plain scalars by the YAML 1.2 core schema, the one editors and the JSON schema expect:
/// <c>yes</c> and <c>on</c> are text (unlike YAML 1.1), <c>~</c> and empty are null.
/// </summary>
internal static partial class CoreSchemaTyping
{
    public static ScalarKind Classify(string plain)
    {
        if (NullPattern().IsMatch(plain))
        {
            return ScalarKind.Null;
        }

        if (BooleanPattern().IsMatch(plain))
        {
            return ScalarKind.Boolean;
        }

        if (IntegerPattern().IsMatch(plain))
        {
            return ScalarKind.Integer;
        }

        return FloatPattern().IsMatch(plain) ? ScalarKind.Float : ScalarKind.String;
    }

    [GeneratedRegex("^(?:null|Null|NULL|~|)$", RegexOptions.CultureInvariant)]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(?:true|True|TRUE|false|False|FALSE)$", RegexOptions.CultureInvariant)]
    private static partial Regex BooleanPattern();

    [GeneratedRegex("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(
        @"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}
