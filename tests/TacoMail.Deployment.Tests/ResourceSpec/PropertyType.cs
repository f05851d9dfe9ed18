namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>
/// The type of a property in the resource specification. A <see cref="PropertyKind.Structure"/>
/// names its type definition by <see cref="Reference"/> (the definition's <c>$id</c> in
/// <c>db.json</c>), resolved through <see cref="ResourceSpecification.TypeDefinition"/>.
/// </summary>
internal sealed record PropertyType(
    PropertyKind Kind,
    string? Reference = null,
    PropertyType? Element = null,
    IReadOnlyList<PropertyType>? Alternatives = null)
{
    public static readonly PropertyType Primitive = new(PropertyKind.Primitive);
    public static readonly PropertyType Json = new(PropertyKind.Json);
    public static readonly PropertyType Tag = new(PropertyKind.Tag);

    public static PropertyType Structure(string reference) => new(PropertyKind.Structure, Reference: reference);

    public static PropertyType List(PropertyType element) => new(PropertyKind.List, Element: element);

    public static PropertyType Map(PropertyType element) => new(PropertyKind.Map, Element: element);

    public static PropertyType Union(IReadOnlyList<PropertyType> alternatives) => new(PropertyKind.Union, Alternatives: alternatives);
}
