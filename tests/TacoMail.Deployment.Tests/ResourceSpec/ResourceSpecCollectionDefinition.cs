namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>The test classes that share one <see cref="ResourceSpecFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ResourceSpecCollectionDefinition : ICollectionFixture<ResourceSpecFixture>
{
    public const string Name = "AWS CloudFormation resource specification";
}
