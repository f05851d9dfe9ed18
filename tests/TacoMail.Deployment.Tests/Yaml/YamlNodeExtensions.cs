using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Yaml;

/// <summary>
/// Typed access to a YAML tree for the tests: each accessor fails with the node's position when
/// the shape is not what the contract expects, so a failing test says where to look.
/// </summary>
internal static class YamlNodeExtensions
{
    public static YamlNode? Find(this YamlNode node, string key)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    /// <exception cref="InvalidDataException">The node is not a mapping with <paramref name="key"/>.</exception>
    public static YamlNode Get(this YamlNode node, string key) =>
        node.Find(key) ?? throw new InvalidDataException($"{Where(node)}: expected a mapping with the key '{key}'");

    public static YamlMappingNode Mapping(this YamlNode node, string key) => AsMapping(node.Get(key));

    public static YamlSequenceNode Sequence(this YamlNode node, string key) =>
        node.Get(key) as YamlSequenceNode ?? throw new InvalidDataException($"{Where(node.Get(key))}: '{key}' is not a sequence");

    public static string Text(this YamlNode node, string key) => node.Get(key).Text();

    /// <exception cref="InvalidDataException">The node is not a scalar.</exception>
    public static string Text(this YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new InvalidDataException($"{Where(node)}: expected a scalar");

    /// <summary>A scalar as a one-item list, or a sequence of scalars, as YAML lists are often written both ways.</summary>
    public static IReadOnlyList<string> Texts(this YamlNode node) => node switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.Select(c => c.Text())],
        _ => [node.Text()],
    };

    public static IReadOnlyList<string> Keys(this YamlNode node) => [.. AsMapping(node).Children.Keys.Select(k => k.Text())];

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode node) =>
        AsMapping(node).Children.Select(e => (e.Key.Text(), e.Value));

    /// <exception cref="InvalidDataException">The node is not a mapping.</exception>
    public static YamlMappingNode AsMapping(this YamlNode node) =>
        node as YamlMappingNode ?? throw new InvalidDataException($"{Where(node)}: expected a mapping");

    private static string Where(YamlNode node) => $"line {node.Start.Line}, column {node.Start.Column}";
}
