using TacoMail.Deployment.Tests.ResourceSpec;
using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>
/// Checks every resource of <c>lambda/template.yaml</c> against the CloudFormation resource
/// specification (<see cref="AwsServiceSpecPackage"/>), so that a misspelt type or property, or a
/// forgotten required one, fails here rather than in a stack update.
/// </summary>
[Collection(ResourceSpecCollectionDefinition.Name)]
public sealed class TemplateSpecTests
{
    private readonly IReadOnlyList<SpecFinding> _findings;

    public TemplateSpecTests(ResourceSpecFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _findings = new TemplateSpecChecker(fixture.Specification).Check(CloudFormationTemplate.Load().Root);
    }

    public static TheoryData<string> ResourceIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var logicalId in CloudFormationTemplate.Load().Resources.Keys())
            {
                data.Add(logicalId);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ResourceIds))]
    public void Resource_Type_IsInTheSpecification(string logicalId)
    {
        Findings(logicalId, SpecFindingKind.UnknownType, SpecFindingKind.MissingTransform).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ResourceIds))]
    public void Resource_PropertyNames_AreTheTypesIncludingNested(string logicalId)
    {
        Findings(logicalId, SpecFindingKind.UnknownProperty).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ResourceIds))]
    public void Resource_RequiredProperties_AreGivenIncludingNested(string logicalId)
    {
        Findings(logicalId, SpecFindingKind.MissingRequiredProperty).ShouldBeEmpty();
    }

    private IReadOnlyList<string> Findings(string logicalId, params SpecFindingKind[] kinds) =>
        [.. _findings.Where(f => f.LogicalId == logicalId && kinds.Contains(f.Kind)).Select(f => f.ToString())];
}
