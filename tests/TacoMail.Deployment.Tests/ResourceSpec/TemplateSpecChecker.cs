using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>
/// Checks the resources of a template (intrinsic functions in long form) against the resource
/// specification: each <c>Type</c> exists, each property name exists for its type, each required
/// property is given, and the same below, in the nested property types, as deep as the values are
/// written out. A property whose value is an intrinsic function counts as given and is not looked
/// into, except <c>Fn::If</c>, whose branches are each checked (<c>AWS::NoValue</c> is skipped).
/// </summary>
/// <remarks>
/// Custom resources (<c>Custom::*</c>, <see cref="CustomResourceType"/>) take any properties and
/// need only those <see cref="CustomResourceType"/> requires (<c>ServiceToken</c>). A type the
/// specification marks as belonging to a transform (<c>AWS::Serverless::*</c>) is a finding unless
/// the template declares that transform; then it is checked like any other. Tags and JSON values
/// (policy documents) are not looked into; a union is looked into only when exactly one of its
/// alternatives fits the value's shape and none is free-form JSON of that shape.
/// </remarks>
internal sealed class TemplateSpecChecker
{
    public const string CustomResourceType = "AWS::CloudFormation::CustomResource";
    private const string CustomTypePrefix = "Custom::";

    private readonly ResourceSpecification _specification;

    public TemplateSpecChecker(ResourceSpecification specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        _specification = specification;
    }

    /// <exception cref="InvalidDataException">The template has no <c>Resources</c>, or a resource has no scalar <c>Type</c>.</exception>
    public IReadOnlyList<SpecFinding> Check(YamlMappingNode template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var transforms = template.Find("Transform") is { } transform ? transform.Texts() : [];
        var findings = new List<SpecFinding>();
        foreach (var (logicalId, resource) in template.Get("Resources").Entries())
        {
            var scope = new Scope(logicalId, resource.Text("Type"), findings);
            CheckResource(scope, resource, transforms);
        }

        return findings;
    }

    private void CheckResource(Scope scope, YamlNode resource, IReadOnlyList<string> transforms)
    {
        var isCustom = scope.Type.StartsWith(CustomTypePrefix, StringComparison.Ordinal) || scope.Type == CustomResourceType;
        if (!_specification.TryGetResource(isCustom ? CustomResourceType : scope.Type, out var spec))
        {
            scope.Add(SpecFindingKind.UnknownType, string.Empty, resource.Get("Type"));
            return;
        }

        if (spec.Transform is { } needed && !transforms.Contains(needed, StringComparer.Ordinal))
        {
            scope.Add(SpecFindingKind.MissingTransform, string.Empty, resource.Get("Type"), needed);
            return;
        }

        if (resource.Find("Properties") is { } properties)
        {
            CheckObject(scope, properties, spec.Properties, string.Empty, anyName: isCustom);
            return;
        }

        foreach (var required in spec.Properties.Required)
        {
            scope.Add(SpecFindingKind.MissingRequiredProperty, required, resource);
        }
    }

    private void CheckObject(Scope scope, YamlNode node, PropertySet set, string path, bool anyName = false)
    {
        if (IntrinsicBranches(node) is { } branches)
        {
            foreach (var branch in branches)
            {
                CheckObject(scope, branch, set, path, anyName);
            }

            return;
        }

        if (node is not YamlMappingNode mapping)
        {
            return;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = key.Text();
            if (set.Properties.TryGetValue(name, out var property))
            {
                CheckValue(scope, value, property.Type, Join(path, name));
            }
            else if (!anyName)
            {
                scope.Add(SpecFindingKind.UnknownProperty, Join(path, name), key);
            }
        }

        foreach (var required in set.Required.Where(r => mapping.Find(r) is null))
        {
            scope.Add(SpecFindingKind.MissingRequiredProperty, Join(path, required), mapping);
        }
    }

    private void CheckValue(Scope scope, YamlNode node, PropertyType type, string path)
    {
        if (IntrinsicBranches(node) is { } branches)
        {
            foreach (var branch in branches)
            {
                CheckValue(scope, branch, type, path);
            }

            return;
        }

        switch (type.Kind)
        {
            case PropertyKind.Structure:
                CheckObject(scope, node, _specification.TypeDefinition(type.Reference!), path);
                break;
            case PropertyKind.List when node is YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    CheckValue(scope, sequence.Children[i], type.Element!, $"{path}[{i}]");
                }

                break;
            case PropertyKind.Map when node is YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Entries())
                {
                    CheckValue(scope, value, type.Element!, $"{path}.{key}");
                }

                break;
            case PropertyKind.Union when type.Alternatives!.Where(a => Fits(a, node)).ToList() is [var only] && only.Kind != PropertyKind.Json:
                CheckValue(scope, node, only, path);
                break;
            default:
                break;
        }
    }

    /// <summary>Whether a value of this shape can be of <paramref name="type"/> (JSON, here, is an object).</summary>
    private static bool Fits(PropertyType type, YamlNode node) => type.Kind switch
    {
        PropertyKind.Primitive => node is YamlScalarNode,
        PropertyKind.List => node is YamlSequenceNode,
        _ => node is YamlMappingNode,
    };

    /// <summary>
    /// Null for a written-out value; for <c>Fn::If</c> its two branches but <c>AWS::NoValue</c>;
    /// for any other intrinsic function nothing, as its result is not known here.
    /// </summary>
    private static IReadOnlyList<YamlNode>? IntrinsicBranches(YamlNode node)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } mapping
            || mapping.Children.Keys.Single() is not YamlScalarNode { Value: { } function }
            || (function != "Ref" && !function.StartsWith("Fn::", StringComparison.Ordinal)))
        {
            return null;
        }

        return function == "Fn::If" && mapping.Children.Values.Single() is YamlSequenceNode { Children.Count: 3 } arguments
            ? [.. arguments.Children.Skip(1).Where(b => b.Find("Ref") is not YamlScalarNode { Value: "AWS::NoValue" })]
            : [];
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The resource being checked and where its findings go.</summary>
    private sealed record Scope(string LogicalId, string Type, List<SpecFinding> Findings)
    {
        public void Add(SpecFindingKind kind, string property, YamlNode at, string? detail = null) =>
            Findings.Add(new SpecFinding(kind, LogicalId, Type, property, at.Start.Line, detail));
    }
}
