using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

public sealed partial class TemplateTests
{
    [Fact]
    public void MailBucket_PublicAccess_IsBlockedAndObjectsEncrypted()
    {
        var bucket = _template.Properties("MailBucket");

        bucket.Mapping("PublicAccessBlockConfiguration").Entries().Select(e => $"{e.Key}={e.Value.Text()}").ShouldBe(
            ["BlockPublicAcls=true", "BlockPublicPolicy=true", "IgnorePublicAcls=true", "RestrictPublicBuckets=true"],
            ignoreOrder: true);
        bucket.Mapping("BucketEncryption").Sequence("ServerSideEncryptionConfiguration").Children
            .Select(c => c.Mapping("ServerSideEncryptionByDefault").Text("SSEAlgorithm"))
            .ShouldHaveSingleItem().ShouldBeOneOf("AES256", "aws:kms");
    }

    [Fact]
    public void MailBucket_Lifecycle_ExpiresIncomingMail()
    {
        var rules = _template.Properties("MailBucket").Mapping("LifecycleConfiguration").Sequence("Rules").Children;

        var incoming = rules.Where(r => r.Find("Prefix") is { } prefix && prefix.Text() == IncomingPrefix).ShouldHaveSingleItem();
        incoming.Text("Status").ShouldBe("Enabled");
        IntrinsicText.Render(incoming.Get("ExpirationInDays")).ShouldBe("${IncomingRetentionDays}");
        _template.Root.Mapping("Parameters").Mapping("IncomingRetentionDays").Text("Default").ShouldBe("30");
    }

    [Fact]
    public void MailBucket_Retention_KeepsTheBucketWhenTheStackGoes()
    {
        _template.Resource("MailBucket").Text("DeletionPolicy").ShouldBe("Retain");
    }

    [Fact]
    public void MailBucketPolicy_Statements_LetSesOfThisAccountPutUnderIncomingOnly()
    {
        var policy = _template.Properties("MailBucketPolicy");
        var statements = policy.Mapping("PolicyDocument").Sequence("Statement").Children.Select(PolicyStatement.Parse).ToList();

        IntrinsicText.Render(policy.Get("Bucket")).ShouldBe("${MailBucket}");
        var allow = statements.Where(s => s.Effect == "Allow").ShouldHaveSingleItem();
        allow.Principal!.Text("Service").ShouldBe("ses.amazonaws.com");
        allow.Grants.ShouldBe([$"s3:PutObject on ${{MailBucket.Arn}}/{IncomingPrefix}*"]);
        IntrinsicText.Render(allow.Condition!.Mapping("StringEquals").Get("AWS:SourceAccount")).ShouldBe("${AWS::AccountId}");
        IntrinsicText.Render(allow.Condition!.Mapping("ArnLike").Get("AWS:SourceArn"))
            .ShouldBe("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:receipt-rule-set/${RuleSetName}:receipt-rule/${AWS::StackName}-aliases");
        statements.Where(s => s.Effect != "Allow").ShouldAllBe(s => s.Effect == "Deny");
    }
}
