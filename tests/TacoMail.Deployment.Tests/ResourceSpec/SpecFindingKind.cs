namespace TacoMail.Deployment.Tests.ResourceSpec;

internal enum SpecFindingKind
{
    /// <summary>The resource's <c>Type</c> is not in the specification.</summary>
    UnknownType,

    /// <summary>The type exists only under a transform the template does not declare.</summary>
    MissingTransform,

    /// <summary>A property name the type (or a nested type) does not have.</summary>
    UnknownProperty,

    /// <summary>A property the type (or a nested type) requires is not given.</summary>
    MissingRequiredProperty,
}
