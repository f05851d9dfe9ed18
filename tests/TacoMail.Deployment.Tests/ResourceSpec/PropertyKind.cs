namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>What a property's value is, as far as checking property names goes.</summary>
internal enum PropertyKind
{
    /// <summary>A string, number, integer, boolean or date-time: no names inside.</summary>
    Primitive,

    /// <summary>Free-form JSON (a policy document, say): its names are not the specification's.</summary>
    Json,

    /// <summary>A resource tag, <c>{ Key, Value }</c>: not looked into.</summary>
    Tag,

    /// <summary>A property type of the resource (a type definition), with properties of its own.</summary>
    Structure,

    /// <summary>A list of <see cref="PropertyType.Element"/>.</summary>
    List,

    /// <summary>A mapping from any key to <see cref="PropertyType.Element"/>.</summary>
    Map,

    /// <summary>One of <see cref="PropertyType.Alternatives"/>.</summary>
    Union,
}
