using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

public sealed partial class TemplateTests
{
    private static readonly string[] StatementKeys = ["Sid", "Effect", "Action", "Resource"];

    public static TheoryData<string> Roles => new(["DispositionRole", "DeliveryRole", "PlanRole", "ApplyRole"]);

    [Fact]
    public void DispositionRole_Policies_GrantExactlyTheListedActionsOnTheListedResources()
    {
        RolePolicies.Grants(_template, "DispositionRole").ShouldBe(
            [
                "dynamodb:BatchGetItem on " + TableArn,
                "dynamodb:GetItem on " + TableArn,
                "dynamodb:UpdateItem on " + TableArn,
                "logs:CreateLogStream on ${DispositionLogGroup.Arn}",
                "logs:PutLogEvents on ${DispositionLogGroup.Arn}",
                "ses:SendBounce on " + SesIdentities,
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void DispositionRole_Policies_HaveNoScanNoPutItemAndNoS3()
    {
        var actions = RolePolicies.Actions(_template, "DispositionRole");

        actions.ShouldNotContain("dynamodb:Scan");
        actions.ShouldNotContain("dynamodb:PutItem");
        actions.ShouldNotContain(a => a.StartsWith("s3:", StringComparison.Ordinal));
    }

    [Fact]
    public void DeliveryRole_Policies_GrantExactlyTheListedActionsOnTheListedResources()
    {
        const string Incoming = "${MailBucket.Arn}/" + IncomingPrefix + "*";
        RolePolicies.Grants(_template, "DeliveryRole").ShouldBe(
            [
                "dynamodb:BatchGetItem on " + TableArn,
                "dynamodb:GetItem on " + TableArn,
                "logs:CreateLogStream on ${DeliveryLogGroup.Arn}",
                "logs:PutLogEvents on ${DeliveryLogGroup.Arn}",
                "s3:DeleteObject on " + Incoming,
                "s3:GetObject on " + Incoming,
                "s3:GetObjectTagging on " + Incoming,
                "s3:PutObjectTagging on " + Incoming,
                "s3:PutObject on ${MailBucket.Arn}/" + MailboxPrefix + "*",
                "ses:SendEmail on " + SesIdentities,
                "ses:SendRawEmail on " + SesIdentities,
            ],
            ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Role_Statements_AreAllowsOfNamedActionsOnNamedResources(string roleId)
    {
        foreach (var statement in RolePolicies.Statements(_template, roleId))
        {
            statement.Effect.ShouldBe("Allow");
            statement.Keys.ShouldBeSubsetOf(StatementKeys, $"{roleId} may use only {string.Join(", ", StatementKeys)}");
            statement.Actions.ShouldNotBeEmpty();
            statement.Actions.ShouldAllBe(a => !a.Contains('*', StringComparison.Ordinal));
            statement.Resources.ShouldNotBeEmpty();
            statement.Resources.ShouldNotContain("*");
        }
    }

    [Fact]
    public void Roles_Permissions_ComeOnlyFromTheCheckedInlinePolicies()
    {
        _template.OfType("AWS::IAM::Role").ShouldBe(Roles.Select(r => r.Data), ignoreOrder: true);
        _template.OfType("AWS::IAM::Policy").ShouldBeEmpty();
        _template.OfType("AWS::IAM::ManagedPolicy").ShouldBeEmpty();
        foreach (var role in _template.OfType("AWS::IAM::Role"))
        {
            _template.Properties(role).Find("ManagedPolicyArns").ShouldBeNull(role);
        }
    }

    [Theory]
    [InlineData("DispositionRole")]
    [InlineData("DeliveryRole")]
    public void FunctionRole_Trust_IsLambdaOnly(string roleId)
    {
        var trust = RolePolicies.Trust(_template, roleId).ShouldHaveSingleItem();

        trust.Effect.ShouldBe("Allow");
        trust.Actions.ShouldBe(["sts:AssumeRole"]);
        trust.Principal!.Entries().ShouldHaveSingleItem().Key.ShouldBe("Service");
        trust.Principal!.Text("Service").ShouldBe("lambda.amazonaws.com");
    }
}
