namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>
/// The resource types of the AWS CloudFormation resource specification and their type definitions,
/// as <see cref="ResourceSpecReader"/> reads them from <c>@aws-cdk/aws-service-spec</c>.
/// </summary>
internal sealed class ResourceSpecification
{
    private readonly IReadOnlyDictionary<string, ResourceTypeSpec> _resources;
    private readonly IReadOnlyDictionary<string, PropertySet> _typeDefinitions;

    public ResourceSpecification(
        IReadOnlyDictionary<string, ResourceTypeSpec> resources,
        IReadOnlyDictionary<string, PropertySet> typeDefinitions)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(typeDefinitions);
        _resources = resources;
        _typeDefinitions = typeDefinitions;
    }

    public int ResourceTypeCount => _resources.Count;

    public bool TryGetResource(string type, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ResourceTypeSpec? resource) =>
        _resources.TryGetValue(type, out resource);

    /// <exception cref="InvalidDataException">No type definition has that <c>$id</c>: the database is inconsistent.</exception>
    public PropertySet TypeDefinition(string reference) =>
        _typeDefinitions.TryGetValue(reference, out var definition)
            ? definition
            : throw new InvalidDataException($"the resource specification refers to the type definition {reference}, which it does not hold");
}
