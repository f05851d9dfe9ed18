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
    public void ReceiptRule_Rule_CoversTheDomainsWithScanAndTheTlsPolicyParameter()
    {
        var rule = _template.Properties("ReceiptRule").Mapping("Rule");

        IntrinsicText.Render(rule.Get("Recipients")).ShouldBe("${DomainNames}");
        rule.Text("Enabled").ShouldBe("true");
        rule.Text("ScanEnabled").ShouldBe("true");
        IntrinsicText.Render(rule.Get("TlsPolicy")).ShouldBe("${TlsPolicy}");
        _template.Root.Mapping("Parameters").Mapping("DomainNames").Text("Type").ShouldBe("CommaDelimitedList");
    }

    [Fact]
    public void TlsPolicy_Parameter_IsOptionalByDefaultOrRequire()
    {
        // Optional is Postfix's `may` (TLS when the sender offers it), Require its `encrypt`.
        var parameter = _template.Root.Mapping("Parameters").Mapping("TlsPolicy");

        parameter.Text("Type").ShouldBe("String");
        parameter.Text("Default").ShouldBe("Optional");
        parameter.Get("AllowedValues").Texts().ShouldBe(["Optional", "Require"]);
    }

    [Fact]
    public void ReceiptRule_After_IsRuleAfterOnlyWhenGiven()
    {
        IntrinsicText.Render(_template.Properties("ReceiptRule").Get("After"))
            .ShouldBe("if(HasRuleAfter, ${RuleAfter}, ${AWS::NoValue})");
        var condition = _template.Root.Mapping("Conditions").Get("HasRuleAfter");
        var equals = condition.Sequence("Fn::Not").Children.ShouldHaveSingleItem().Sequence("Fn::Equals").Children;
        IntrinsicText.Render(equals[0]).ShouldBe("${RuleAfter}");
        equals[1].Text().ShouldBe(string.Empty);
        var parameter = _template.Root.Mapping("Parameters").Mapping("RuleAfter");
        parameter.Text("Type").ShouldBe("String");
        parameter.Text("Default").ShouldBe(string.Empty);
    }

    [Fact]
    public void Template_Text_NeverHasTheDispositionStopTheRuleSet()
    {
        // The disposition answers STOP_RULE: later rules of a shared rule set still see their recipients.
        var lines = RepositoryRoot.ReadAllText(CloudFormationTemplate.RelativePath).Split('\n');

        lines.Where(l => l.Contains("STOP_RULE_SET", StringComparison.Ordinal))
            .ShouldAllBe(l => l.Contains("Never STOP_RULE_SET", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains("STOP_RULE when everything was dropped or bounced", StringComparison.Ordinal));
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
