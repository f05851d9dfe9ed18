using System.Text;
using System.Text.RegularExpressions;

namespace TacoMail.Reconciler.Export;

/// <summary>Writes YAML scalars plain where that reads back as the same string, else double-quoted.</summary>
internal static partial class YamlText
{
    public static string Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (SafePlain().IsMatch(value) && !Ambiguous().IsMatch(value))
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._@-]*$")]
    private static partial Regex SafePlain();

    // Plain scalars YAML would read as something other than a string (YAML 1.1 and 1.2 core schema).
    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|y|n|null|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Ambiguous();
}
