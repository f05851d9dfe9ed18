using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Template;

/// <summary><c>lambda/template.yaml</c> (or a template of a test) with its short-form intrinsic functions in long form.</summary>
internal sealed class CloudFormationTemplate
{
    public const string RelativePath = "lambda/template.yaml";

    private CloudFormationTemplate(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public YamlMappingNode Resources => Root.Mapping("Resources");

    public static CloudFormationTemplate Load() => new(YamlFile.Load(RelativePath, expandIntrinsicFunctions: true));

    /// <summary>A template written inline by a test.</summary>
    public static CloudFormationTemplate Parse(string yaml) => new(YamlFile.Parse(yaml, "the inline template", expandIntrinsicFunctions: true));

    public YamlMappingNode Resource(string logicalId) => Resources.Mapping(logicalId);

    public YamlMappingNode Properties(string logicalId) => Resource(logicalId).Mapping("Properties");

    public IReadOnlyList<string> OfType(string type) =>
        [.. Resources.Entries().Where(e => e.Value.Text("Type") == type).Select(e => e.Key)];
}
