using System.Collections.Frozen;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Yaml;

/// <summary>
/// CloudFormation's short-form intrinsic functions (<c>!Ref X</c>, <c>!GetAtt A.B</c>, <c>!Sub …</c>)
/// are YAML tags, which a plain YAML reader keeps on the node without understanding them. This
/// maps each tag to the long form it stands for (<c>{ Ref: X }</c>, <c>{ Fn::GetAtt: [A, B] }</c>),
/// so that tests see one shape whichever form the template uses.
/// </summary>
internal static class IntrinsicFunctionTags
{
    private const string YamlCoreTagPrefix = "tag:yaml.org,2002:";

    private static readonly FrozenDictionary<string, string> LongNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["!Ref"] = "Ref",
        ["!Condition"] = "Condition",
        ["!GetAtt"] = "Fn::GetAtt",
        ["!Sub"] = "Fn::Sub",
        ["!Join"] = "Fn::Join",
        ["!Select"] = "Fn::Select",
        ["!Split"] = "Fn::Split",
        ["!If"] = "Fn::If",
        ["!Equals"] = "Fn::Equals",
        ["!Not"] = "Fn::Not",
        ["!And"] = "Fn::And",
        ["!Or"] = "Fn::Or",
        ["!FindInMap"] = "Fn::FindInMap",
        ["!ImportValue"] = "Fn::ImportValue",
        ["!GetAZs"] = "Fn::GetAZs",
        ["!Base64"] = "Fn::Base64",
        ["!Cidr"] = "Fn::Cidr",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The short-form tags this understands.</summary>
    public static IReadOnlyCollection<string> Tags => LongNames.Keys;

    /// <summary>Replaces, in place and at any depth, each tagged node by its long form; returns the new root.</summary>
    /// <exception cref="InvalidDataException">A tag that is neither an intrinsic function nor a YAML core tag.</exception>
    public static YamlNode Expand(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var key in mapping.Children.Keys.ToList())
                {
                    mapping.Children[key] = Expand(mapping.Children[key]);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    sequence.Children[i] = Expand(sequence.Children[i]);
                }

                break;
            default:
                break;
        }

        return node.Tag.IsEmpty || node.Tag.IsNonSpecific || node.Tag.Value.StartsWith(YamlCoreTagPrefix, StringComparison.Ordinal)
            ? node
            : LongForm(node);
    }

    private static YamlMappingNode LongForm(YamlNode node)
    {
        var tag = node.Tag.Value;
        if (!LongNames.TryGetValue(tag, out var name))
        {
            throw new InvalidDataException(
                $"line {node.Start.Line}, column {node.Start.Column}: '{tag}' is not a CloudFormation intrinsic function tag");
        }

        node.Tag = TagName.Empty;
        var argument = name == "Fn::GetAtt" && node is YamlScalarNode scalar ? SplitGetAtt(scalar) : node;
        return new YamlMappingNode(new YamlScalarNode(name), argument);
    }

    /// <summary><c>!GetAtt Resource.Attribute</c> is <c>[Resource, Attribute]</c>; the attribute may hold dots.</summary>
    private static YamlSequenceNode SplitGetAtt(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0
            ? throw new InvalidDataException($"line {scalar.Start.Line}: '!GetAtt {value}' is not Resource.Attribute")
            : new YamlSequenceNode(new YamlScalarNode(value[..dot]), new YamlScalarNode(value[(dot + 1)..]));
    }
}
