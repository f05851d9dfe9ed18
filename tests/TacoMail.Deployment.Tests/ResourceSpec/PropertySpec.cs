namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>One property of a resource type or of a type definition.</summary>
internal sealed record PropertySpec(bool Required, PropertyType Type);
