namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>
/// A resource type of the specification. <see cref="Transform"/> is set for a type that exists only
/// under a template transform (<c>AWS::Serverless::Function</c> under
/// <c>AWS::Serverless-2016-10-31</c>): plain CloudFormation refuses it.
/// </summary>
internal sealed record ResourceTypeSpec(string Type, string? Transform, PropertySet Properties);
