using TacoMail.Deployment.Tests.Template;

namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>The checker behind <see cref="TemplateSpecTests"/> finds what it should, with the real specification.</summary>
[Collection(ResourceSpecCollectionDefinition.Name)]
public sealed class TemplateSpecCheckerTests
{
    private readonly ResourceSpecification _specification;

    public TemplateSpecCheckerTests(ResourceSpecFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _specification = fixture.Specification;
    }

    [Fact]
    public void Specification_Loaded_HoldsTheResourceTypesOfAws()
    {
        _specification.ResourceTypeCount.ShouldBeGreaterThan(1000);
        _specification.TryGetResource("AWS::SES::ReceiptRule", out var rule).ShouldBeTrue();
        rule!.Properties.Required.ShouldBe(["Rule", "RuleSetName"], ignoreOrder: true);
    }

    [Fact]
    public void Check_UnknownTypeUnknownPropertyMissingRequired_FindsExactlyThoseThree()
    {
        var findings = Check("""
            Resources:
              Mystery:
                Type: AWS::Nope::Thing
                Properties: { Anything: 1 }
              Subscription:
                Type: AWS::SNS::Subscription
                Properties:
                  TopicArn: !Ref Topic
                  Endpoint: someone@example.com
                  Protcol: email
              Topic:
                Type: AWS::SNS::Topic
            """);

        findings.ShouldBe(
        [
            "Mystery (AWS::Nope::Thing), line 3: the type is not in the resource specification",
            "Subscription (AWS::SNS::Subscription), line 10: unknown property Protcol",
            "Subscription (AWS::SNS::Subscription), line 8: missing required property Protocol",
        ]);
    }

    [Fact]
    public void Check_NestedTypes_FindsUnknownAndMissingNestedProperties()
    {
        var findings = Check("""
            Resources:
              Rule:
                Type: AWS::SES::ReceiptRule
                Properties:
                  RuleSetName: rules
                  Rule:
                    Nmae: aliases
                    Actions:
                      - S3Action: { BucketName: mail }
                      - LambdaAction: { InvocationType: Event }
            """);

        findings.ShouldBe(
        [
            "Rule (AWS::SES::ReceiptRule), line 7: unknown property Rule.Nmae",
            "Rule (AWS::SES::ReceiptRule), line 10: missing required property Rule.Actions[1].LambdaAction.FunctionArn",
        ]);
    }

    [Fact]
    public void Check_FnIf_ChecksBothBranchesAndTakesNoValueAsGiven()
    {
        var findings = Check("""
            Resources:
              Rule:
                Type: AWS::SES::ReceiptRule
                Properties:
                  RuleSetName: !If [Shared, !Ref AWS::NoValue, rules]
                  After: !If [Shared, !Ref Other, !Ref AWS::NoValue]
                  Rule:
                    Actions:
                      - !If [Store, { S3Action: { BucketName: mail } }, { StopAction: { Scope: RuleSet, Sope: x } }]
            """);

        findings.ShouldBe(["Rule (AWS::SES::ReceiptRule), line 9: unknown property Rule.Actions[0].StopAction.Sope"]);
    }

    [Fact]
    public void Check_OtherIntrinsicValue_IsGivenAndNotLookedInto()
    {
        Check("""
            Resources:
              Rule:
                Type: AWS::SES::ReceiptRule
                Properties:
                  RuleSetName: !Ref RuleSet
                  Rule: !GetAtt Somewhere.Rule
            """).ShouldBeEmpty();
    }

    [Fact]
    public void Check_CustomResources_TakeAnyPropertyButNeedServiceToken()
    {
        var findings = Check("""
            Resources:
              Seeded:
                Type: Custom::Seed
                Properties: { ServiceToken: arn, Anything: 1 }
              Generic:
                Type: AWS::CloudFormation::CustomResource
                Properties: { Whatever: 2 }
            """);

        findings.ShouldBe(["Generic (AWS::CloudFormation::CustomResource), line 7: missing required property ServiceToken"]);
    }

    [Fact]
    public void Check_ServerlessType_NeedsItsTransformAndIsThenChecked()
    {
        const string Resources = """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: { Handler: x, Hnadler: y }
            """;

        Check(Resources).ShouldBe(["Fn (AWS::Serverless::Function), line 3: the type needs Transform: AWS::Serverless-2016-10-31, which the template does not declare"]);
        Check("Transform: AWS::Serverless-2016-10-31\n" + Resources)
            .ShouldBe(["Fn (AWS::Serverless::Function), line 5: unknown property Hnadler"]);
    }

    private IReadOnlyList<string> Check(string yaml) =>
        [.. new TemplateSpecChecker(_specification).Check(CloudFormationTemplate.Parse(yaml).Root).Select(f => f.ToString())];
}
