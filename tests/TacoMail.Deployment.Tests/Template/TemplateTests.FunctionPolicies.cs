using TacoMail.Deployment.Tests.Yaml;
using TacoMail.Schema.Table;

namespace TacoMail.Deployment.Tests.Template;

public sealed partial class TemplateTests
{
    private static readonly string[] StatementKeys = ["Sid", "Effect", "Action", "Resource", "Condition"];

    private static readonly string[] TableItemWrites = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];

    private static readonly string[] FunctionRoles = ["DispositionRole", "DeliveryRole"];

    private static readonly Dictionary<string, IReadOnlyList<string>> TwoDomains = new(StringComparer.Ordinal)
    {
        ["DomainNames"] = ["example.com", "mail.example.org"],
    };

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
        const string Queue = "${MailBucket.Arn}/" + QueuePrefix + "*";
        const string Failed = "${MailBucket.Arn}/" + FailedPrefix + "*";
        RolePolicies.Grants(_template, "DeliveryRole").ShouldBe(
            [
                "dynamodb:BatchGetItem on " + TableArn,
                "dynamodb:DeleteItem on " + TableArn,
                "dynamodb:GetItem on " + TableArn,
                "dynamodb:PutItem on " + TableArn,
                "dynamodb:UpdateItem on " + TableArn,
                "logs:CreateLogStream on ${DeliveryLogGroup.Arn}",
                "logs:PutLogEvents on ${DeliveryLogGroup.Arn}",
                "s3:DeleteObject on " + Incoming,
                "s3:GetObject on " + Incoming,
                "s3:GetObjectTagging on " + Incoming,
                "s3:PutObjectTagging on " + Incoming,
                "s3:DeleteObject on " + Queue,
                "s3:GetObject on " + Queue,
                "s3:PutObject on " + Queue,
                "s3:DeleteObject on " + Failed,
                "s3:GetObject on " + Failed,
                "s3:PutObject on " + Failed,
                "s3:GetObjectTagging on " + Failed,
                "s3:PutObjectTagging on " + Failed,
                "s3:ListBucket on ${MailBucket.Arn}",
                "s3:PutObject on ${MailBucket.Arn}/" + MailboxPrefix + "*",
                "ses:SendBounce on " + SesIdentities,
                "ses:SendEmail on " + SesIdentities,
                "ses:SendRawEmail on " + SesIdentities,
                "sqs:SendMessage on ${DeadLetterQueue.Arn}",
            ],
            ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Role_Statements_AreNamedActionsOnNamedResources(string roleId)
    {
        foreach (var statement in RolePolicies.Statements(_template, roleId))
        {
            statement.Effect.ShouldBeOneOf("Allow", "Deny");
            statement.Keys.ShouldBeSubsetOf(StatementKeys, $"{roleId} may use only {string.Join(", ", StatementKeys)}");
            statement.Actions.ShouldNotBeEmpty();
            statement.Actions.ShouldAllBe(a => !a.Contains('*', StringComparison.Ordinal));
            statement.Resources.ShouldNotBeEmpty();
            if (!IsTheReceiptRuleStatement(roleId, statement))
            {
                statement.Resources.ShouldNotContain("*", $"{roleId}: {statement.Sid}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Role_DenyStatements_OnlyTheDispositionsPartitionGuardsAndTheApplyRolesTemplateGuard(string roleId)
    {
        string?[] expected = roleId switch
        {
            "DispositionRole" => ["NeverWriteTheConfigurationPartition", "NeverWriteTheMailPathPartitions"],
            "ApplyRole" => ["NoTemplateFromS3"],
            _ => [],
        };

        RolePolicies.Statements(_template, roleId).Where(s => s.Effect == "Deny").Select(s => s.Sid).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public void DispositionRole_ConfigurationPartition_IsDeniedToEveryItemWrite()
    {
        // The settings item (tacomail-config/settings) is read by the disposition, written only by apply.
        var deny = RolePolicies.Statements(_template, "DispositionRole").Single(s => s.Sid == "NeverWriteTheConfigurationPartition");

        deny.Effect.ShouldBe("Deny");
        deny.Actions.ShouldBe(TableItemWrites, ignoreOrder: true);
        deny.Resources.ShouldBe([TableArn]);
        deny.Condition!.Keys().ShouldBe(["ForAnyValue:StringEquals"]);
        var equals = deny.Condition!.Mapping("ForAnyValue:StringEquals");
        equals.Keys().ShouldBe(["dynamodb:LeadingKeys"]);
        equals.Get("dynamodb:LeadingKeys").Texts().ShouldBe([TableContract.ConfigPartition]);
    }

    [Fact]
    public void DispositionRole_AllowedWrites_AreTheUseCountUpdateOnly()
    {
        var writes = RolePolicies.Actions(_template, "DispositionRole").Where(a => TableItemWrites.Contains(a));

        writes.ShouldBe(["dynamodb:UpdateItem"]);
    }

    [Theory]
    [InlineData("DispositionRole", "Bounce", "ses:SendBounce")]
    [InlineData("DeliveryRole", "BounceOversize", "ses:SendBounce")]
    [InlineData("DeliveryRole", "Forward", "ses:SendEmail,ses:SendRawEmail")]
    public void FunctionRole_SesSending_OnlyFromAddressesOnTheDeclaredDomains(string roleId, string sid, string actions)
    {
        var statement = SesStatement(roleId, sid);

        statement.Actions.ShouldBe(actions.Split(','), ignoreOrder: true);
        statement.Resources.ShouldBe([SesIdentities]);
        var from = statement.Condition!.Mapping("StringLike").Get("ses:FromAddress");
        IntrinsicEvaluator.EvaluateList(from, TwoDomains).ShouldBe(["*@example.com", "*@mail.example.org"]);
    }

    [Fact]
    public void FunctionRoles_EverySesStatement_HasTheFromAddressCondition()
    {
        var ses = FunctionRoles
            .SelectMany(r => RolePolicies.Statements(_template, r))
            .Where(s => s.Actions.Any(a => a.StartsWith("ses:", StringComparison.Ordinal)))
            .ToList();

        ses.Count.ShouldBe(3);
        ses.ShouldAllBe(s => s.Condition != null && s.Condition.Find("StringLike") != null && s.Condition.Find("StringLike")!.Find("ses:FromAddress") != null);
    }

    [Fact]
    public void DeliveryRole_Forward_FeedbackAddressOnTheDeclaredDomainsWhenGiven()
    {
        // FeedbackForwardingEmailAddress (feedback_address) is optional in SendEmail: IfExists.
        var condition = SesStatement("DeliveryRole", "Forward").Condition!;

        condition.Keys().ShouldBe(["StringLike", "StringLikeIfExists"], ignoreOrder: true);
        var feedback = condition.Mapping("StringLikeIfExists");
        feedback.Keys().ShouldBe(["ses:FeedbackAddress"]);
        IntrinsicEvaluator.EvaluateList(feedback.Get("ses:FeedbackAddress"), TwoDomains).ShouldBe(["*@example.com", "*@mail.example.org"]);
    }

    [Fact]
    public void FromAddressPattern_OneDomain_IsOnePattern()
    {
        var from = SesStatement("DispositionRole", "Bounce").Condition!.Mapping("StringLike").Get("ses:FromAddress");

        IntrinsicEvaluator.EvaluateList(from, new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["DomainNames"] = ["example.com"] })
            .ShouldBe(["*@example.com"]);
    }

    private PolicyStatement SesStatement(string roleId, string sid) =>
        RolePolicies.Statements(_template, roleId).Single(s => s.Sid == sid);

    [Fact]
    public void Roles_Permissions_ComeOnlyFromTheCheckedInlinePolicies()
    {
        // The one managed policy is the function roles' permissions boundary: it grants nothing
        // by itself (TemplateTests.StackUpdate.cs checks it), and is attached to nobody.
        _template.OfType("AWS::IAM::Role").ShouldBe(Roles.Select(r => r.Data), ignoreOrder: true);
        _template.OfType("AWS::IAM::Policy").ShouldBeEmpty();
        _template.OfType("AWS::IAM::ManagedPolicy").ShouldBe([MailRolesBoundary]);
        _template.Properties(MailRolesBoundary).Keys().ShouldBe(["Description", "PolicyDocument"], ignoreOrder: true);
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
