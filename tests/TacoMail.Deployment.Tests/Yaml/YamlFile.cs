using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Yaml;

/// <summary>Reads a one-document YAML file of the repository as a node tree.</summary>
internal static class YamlFile
{
    /// <exception cref="InvalidDataException">The file is not one YAML document with a mapping at its root.</exception>
    public static YamlMappingNode Load(string relativePath, bool expandIntrinsicFunctions)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(RepositoryRoot.ReadAllText(relativePath)))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1)
        {
            throw new InvalidDataException($"{relativePath} holds {stream.Documents.Count} YAML documents; expected one.");
        }

        var root = stream.Documents[0].RootNode;
        if (expandIntrinsicFunctions)
        {
            root = IntrinsicFunctionTags.Expand(root);
        }

        return root as YamlMappingNode ?? throw new InvalidDataException($"{relativePath} has no mapping at its root.");
    }
}
