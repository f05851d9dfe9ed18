using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Yaml;

/// <summary>Reads a one-document YAML file of the repository, or a YAML text of a test, as a node tree.</summary>
internal static class YamlFile
{
    /// <exception cref="InvalidDataException">The file is not one YAML document with a mapping at its root.</exception>
    public static YamlMappingNode Load(string relativePath, bool expandIntrinsicFunctions) =>
        Parse(RepositoryRoot.ReadAllText(relativePath), relativePath, expandIntrinsicFunctions);

    /// <param name="yaml">The text.</param>
    /// <param name="source">What the text is, for error messages.</param>
    /// <param name="expandIntrinsicFunctions">Whether to write CloudFormation's short forms in long form (<see cref="IntrinsicFunctionTags"/>).</param>
    /// <exception cref="InvalidDataException">The text is not one YAML document with a mapping at its root.</exception>
    public static YamlMappingNode Parse(string yaml, string source, bool expandIntrinsicFunctions)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1)
        {
            throw new InvalidDataException($"{source} holds {stream.Documents.Count} YAML documents; expected one.");
        }

        var root = stream.Documents[0].RootNode;
        if (expandIntrinsicFunctions)
        {
            root = IntrinsicFunctionTags.Expand(root);
        }

        return root as YamlMappingNode ?? throw new InvalidDataException($"{source} has no mapping at its root.");
    }
}
