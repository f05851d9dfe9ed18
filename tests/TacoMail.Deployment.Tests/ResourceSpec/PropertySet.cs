namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>The properties a resource type, or one of its type definitions, accepts (names are case-sensitive).</summary>
internal sealed record PropertySet(string Name, IReadOnlyDictionary<string, PropertySpec> Properties)
{
    /// <summary>The properties that must be given, in the specification's order.</summary>
    public IEnumerable<string> Required => Properties.Where(p => p.Value.Required).Select(p => p.Key);
}
