using System.Text.RegularExpressions;
using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>
/// Writes a value of the template, intrinsic functions included, as one string in <c>!Sub</c>
/// syntax, so a test can compare a resource ARN with a readable expectation:
/// <c>{ Ref: X }</c> is <c>${X}</c>, <c>{ Fn::GetAtt: [A, B] }</c> is <c>${A.B}</c>, a
/// <c>!Sub</c> is its text with its variables filled in, a <c>!Join</c> is joined, and
/// <c>!If [C, a, b]</c> is <c>if(C, a, b)</c>.
/// </summary>
internal static partial class IntrinsicText
{
    /// <exception cref="NotSupportedException">A function this does not render.</exception>
    public static string Render(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node is YamlScalarNode scalar)
        {
            return scalar.Text();
        }

        var entries = node.Entries().ToList();
        if (entries.Count != 1)
        {
            throw new NotSupportedException($"line {node.Start.Line}: a mapping, not a single intrinsic function");
        }

        var (name, argument) = entries[0];
        return name switch
        {
            "Ref" => $"${{{argument.Text()}}}",
            "Fn::GetAtt" => $"${{{string.Join('.', argument.Texts())}}}",
            "Fn::Sub" => Sub(argument),
            "Fn::Join" => Join(argument),
            "Fn::If" => $"if({string.Join(", ", ((YamlSequenceNode)argument).Children.Select(Render))})",
            _ => throw new NotSupportedException($"line {node.Start.Line}: {name} is not rendered"),
        };
    }

    /// <summary>A list of values (a resource list, say) written either as one value or as a sequence.</summary>
    public static IReadOnlyList<string> RenderAll(YamlNode node) => node is YamlSequenceNode sequence
        ? [.. sequence.Children.Select(Render)]
        : [Render(node)];

    private static string Sub(YamlNode argument)
    {
        if (argument is YamlScalarNode)
        {
            return argument.Text();
        }

        var parts = ((YamlSequenceNode)argument).Children;
        var variables = parts[1].Entries().ToDictionary(e => e.Key, e => Render(e.Value), StringComparer.Ordinal);
        return Variable().Replace(parts[0].Text(), m => variables.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
    }

    private static string Join(YamlNode argument)
    {
        var parts = ((YamlSequenceNode)argument).Children;
        return string.Join(parts[0].Text(), ((YamlSequenceNode)parts[1]).Children.Select(Render));
    }

    [GeneratedRegex(@"\$\{([^}!]+)\}")]
    private static partial Regex Variable();
}
