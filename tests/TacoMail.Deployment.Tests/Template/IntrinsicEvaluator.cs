using System.Text.RegularExpressions;
using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>
/// Evaluates a value of the template the way CloudFormation would for given parameter values,
/// where <see cref="IntrinsicText"/> only writes it down: a test can then check what a list built
/// with <c>!Split</c>, <c>!Sub</c> and <c>!Join</c> from a <c>CommaDelimitedList</c> comes to.
/// Supports <c>Ref</c> (parameters only), <c>Fn::Join</c>, <c>Fn::Split</c> and <c>Fn::Sub</c>.
/// </summary>
internal static partial class IntrinsicEvaluator
{
    /// <summary>The value as a list of strings (a scalar is a one-item list).</summary>
    /// <exception cref="NotSupportedException">A function this does not evaluate, or a reference to an unknown parameter.</exception>
    public static IReadOnlyList<string> EvaluateList(YamlNode node, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(parameters);
        if (node is YamlScalarNode scalar)
        {
            return [scalar.Text()];
        }

        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children.Select(c => EvaluateString(c, parameters))];
        }

        var (name, argument) = node.Entries().Single();
        return name switch
        {
            "Ref" => parameters.TryGetValue(argument.Text(), out var value)
                ? value
                : throw new NotSupportedException($"line {node.Start.Line}: no value for the parameter {argument.Text()}"),
            "Fn::Split" => EvaluateString(((YamlSequenceNode)argument).Children[1], parameters)
                .Split(((YamlSequenceNode)argument).Children[0].Text()),
            _ => [EvaluateString(node, parameters)],
        };
    }

    /// <summary>The value as one string.</summary>
    /// <exception cref="NotSupportedException">A function this does not evaluate, or a value that is a list.</exception>
    public static string EvaluateString(YamlNode node, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(parameters);
        if (node is YamlScalarNode scalar)
        {
            return scalar.Text();
        }

        var (name, argument) = node.Entries().Single();
        switch (name)
        {
            case "Fn::Join":
                var parts = ((YamlSequenceNode)argument).Children;
                return string.Join(parts[0].Text(), EvaluateList(parts[1], parameters));
            case "Fn::Sub":
                return Sub(argument, parameters);
            case "Ref":
                return EvaluateList(node, parameters) is [var single]
                    ? single
                    : throw new NotSupportedException($"line {node.Start.Line}: {argument.Text()} is a list, not a string");
            default:
                throw new NotSupportedException($"line {node.Start.Line}: {name} is not evaluated");
        }
    }

    private static string Sub(YamlNode argument, IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        var (text, variables) = argument is YamlSequenceNode sequence
            ? (sequence.Children[0].Text(), sequence.Children[1].Entries().ToDictionary(e => e.Key, e => EvaluateString(e.Value, parameters), StringComparer.Ordinal))
            : (argument.Text(), new Dictionary<string, string>(StringComparer.Ordinal));
        return Variable().Replace(text, m =>
        {
            var key = m.Groups[1].Value;
            if (variables.TryGetValue(key, out var value))
            {
                return value;
            }

            return parameters.TryGetValue(key, out var parameter) && parameter is [var single]
                ? single
                : throw new NotSupportedException($"no string value for ${{{key}}}");
        });
    }

    [GeneratedRegex(@"\$\{([^}!]+)\}")]
    private static partial Regex Variable();
}
