using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>
/// Where a template parameter is used: a <c>Ref</c> to it, or <c>${Name}</c> in the text of a
/// <c>!Sub</c>, anywhere under a node (intrinsic functions in long form, as
/// <see cref="CloudFormationTemplate"/> loads them).
/// </summary>
internal static class ParameterReferences
{
    /// <summary>The logical ids of the resources whose properties, condition or other attributes use <paramref name="parameter"/>, sorted.</summary>
    public static IReadOnlyList<string> Resources(CloudFormationTemplate template, string parameter)
    {
        ArgumentNullException.ThrowIfNull(template);
        return [.. template.Resources.Entries().Where(e => Uses(e.Value, parameter)).Select(e => e.Key).Order(StringComparer.Ordinal)];
    }

    public static bool Uses(YamlNode node, string parameter)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            YamlMappingNode mapping => mapping.Children.Any(e =>
                e.Key is YamlScalarNode { Value: var key } && (
                    (key == "Ref" && e.Value is YamlScalarNode { Value: var name } && name == parameter)
                    || (key == "Fn::Sub" && SubText(e.Value).Contains($"${{{parameter}}}", StringComparison.Ordinal))
                    || Uses(e.Value, parameter))),
            YamlSequenceNode sequence => sequence.Children.Any(c => Uses(c, parameter)),
            _ => false,
        };
    }

    private static string SubText(YamlNode argument) => argument switch
    {
        YamlScalarNode scalar => scalar.Text(),
        YamlSequenceNode { Children: [YamlScalarNode text, ..] } => text.Text(),
        _ => string.Empty,
    };
}
