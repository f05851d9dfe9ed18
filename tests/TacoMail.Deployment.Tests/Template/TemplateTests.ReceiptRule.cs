using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

public sealed partial class TemplateTests
{
    [Fact]
    public void ReceiptRule_Actions_AreDispositionThenS3StoreThenDelivery()
    {
        var actions = _template.Properties("ReceiptRule").Mapping("Rule").Sequence("Actions").Children
            .Select(a =>
            {
                var (kind, action) = a.Entries().Single();
                return kind switch
                {
                    "LambdaAction" => $"Lambda {IntrinsicText.Render(action.Get("FunctionArn"))} {action.Text("InvocationType")}",
                    "S3Action" => $"S3 {IntrinsicText.Render(action.Get("BucketName"))} {action.Text("ObjectKeyPrefix")}",
                    _ => kind,
                };
            });

        actions.ShouldBe(
        [
            "Lambda ${DispositionFunction.Arn} RequestResponse",
            $"S3 ${{MailBucket}} {IncomingPrefix}",
            "Lambda ${DeliveryFunction.Arn} Event",
        ]);
    }

    [Fact]
    public void ReceiptRule_Rule_CoversTheDomainsWithScanAndRequiredTls()
    {
        var rule = _template.Properties("ReceiptRule").Mapping("Rule");

        IntrinsicText.Render(rule.Get("Recipients")).ShouldBe("${DomainNames}");
        rule.Text("Enabled").ShouldBe("true");
        rule.Text("ScanEnabled").ShouldBe("true");
        rule.Text("TlsPolicy").ShouldBe("Require");
        _template.Root.Mapping("Parameters").Mapping("DomainNames").Text("Type").ShouldBe("CommaDelimitedList");
    }

    [Fact]
    public void ReceiptRule_DependsOn_BucketPolicyAndBothInvokePermissions()
    {
        // SES refuses a rule whose bucket or functions it may not use yet.
        _template.Resource("ReceiptRule").Get("DependsOn").Texts()
            .ShouldBe(["MailBucketPolicy", "DispositionInvokePermission", "DeliveryInvokePermission"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("DispositionInvokePermission", "DispositionFunction")]
    [InlineData("DeliveryInvokePermission", "DeliveryFunction")]
    public void InvokePermission_ForEachFunction_LetsOnlySesOfThisAccountInvoke(string permissionId, string functionId)
    {
        var permission = _template.Properties(permissionId);

        IntrinsicText.Render(permission.Get("FunctionName")).ShouldBe($"${{{functionId}}}");
        permission.Text("Action").ShouldBe("lambda:InvokeFunction");
        permission.Text("Principal").ShouldBe("ses.amazonaws.com");
        IntrinsicText.Render(permission.Get("SourceAccount")).ShouldBe("${AWS::AccountId}");
        IntrinsicText.Render(permission.Get("SourceArn"))
            .ShouldBe("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:receipt-rule-set/${RuleSetName}:receipt-rule/${AWS::StackName}-aliases");
    }
}
