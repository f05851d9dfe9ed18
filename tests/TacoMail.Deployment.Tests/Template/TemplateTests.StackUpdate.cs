using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>
/// The apply role may bring the stack's DomainNames in line with aliases/tacomail.yaml
/// (.github/scripts/update-stack.sh) and nothing more: a change set of its own stack on the previous
/// template, and, through CloudFormation only, the three resources DomainNames reaches. The
/// function roles' permissions boundary caps what a rewritten inline policy could grant.
/// </summary>
public sealed partial class TemplateTests
{
    private const string MailRolesBoundary = "MailRolesBoundary";
    private const string ThisStack = "arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/${AWS::StackName}/*";
    private const string CalledViaCloudFormation = "cloudformation.amazonaws.com";

    private static readonly string[] StackActions =
    [
        "cloudformation:DescribeStacks",
        "cloudformation:DescribeStackEvents",
        "cloudformation:CreateChangeSet",
        "cloudformation:DescribeChangeSet",
        "cloudformation:ExecuteChangeSet",
        "cloudformation:DeleteChangeSet",
    ];

    // SES has no resource type for receipt rules: these actions take only "*".
    private static readonly string[] ReceiptRuleActions = ["ses:UpdateReceiptRule", "ses:DescribeReceiptRule"];

    // What the AWS::IAM::Role handler needs to rewrite an inline policy (its read handler's reads, Put
    // and Delete of the inline policies), and setting the same boundary again (see the template).
    private static readonly string[] FunctionRoleActions =
    [
        "iam:GetRole",
        "iam:GetRolePolicy",
        "iam:ListRolePolicies",
        "iam:ListAttachedRolePolicies",
        "iam:PutRolePolicy",
        "iam:DeleteRolePolicy",
        "iam:PutRolePermissionsBoundary",
    ];

    private static readonly string[] FunctionRoleArns = ["${DispositionRole.Arn}", "${DeliveryRole.Arn}"];

    [Fact]
    public void DomainNames_ReachesOnlyTheReceiptRuleAndTheFunctionRoles()
    {
        // The apply role's rights to update the stack are complete only for these three: a new use
        // of DomainNames needs its own right (and an entry in update-stack.sh's list), or the
        // stack update fails and rolls back.
        ParameterReferences.Resources(_template, "DomainNames").ShouldBe(["DeliveryRole", "DispositionRole", "ReceiptRule"]);
        ParameterReferences.Uses(_template.Root.Mapping("Conditions"), "DomainNames").ShouldBeFalse("a condition on DomainNames could add or remove resources");
    }

    [Fact]
    public void DomainNames_EveryResourceItReaches_TheApplyRoleMayUpdateThroughTheStack()
    {
        var grants = ApplyRoleMailPathStatements().SelectMany(s => s.Grants).ToHashSet(StringComparer.Ordinal);

        foreach (var id in ParameterReferences.Resources(_template, "DomainNames"))
        {
            switch (_template.Resource(id).Text("Type"))
            {
                case "AWS::SES::ReceiptRule":
                    grants.ShouldContain("ses:UpdateReceiptRule on *", id);
                    break;
                case "AWS::IAM::Role":
                    grants.ShouldContain($"iam:PutRolePolicy on ${{{id}.Arn}}", id);
                    break;
                default:
                    throw new ShouldAssertException($"{id} ({_template.Resource(id).Text("Type")}) uses DomainNames: give the apply role what its update handler needs");
            }
        }
    }

    [Fact]
    public void ApplyRole_CloudFormationStatements_AreThisStackOnly()
    {
        var statements = RolePolicies.Statements(_template, "ApplyRole")
            .Where(s => s.Actions.Any(a => a.StartsWith("cloudformation:", StringComparison.Ordinal)))
            .ToList();

        statements.ShouldAllBe(s => s.Actions.All(a => a.StartsWith("cloudformation:", StringComparison.Ordinal)));
        statements.SelectMany(s => s.Resources).Distinct().ShouldBe([ThisStack]);
        statements.Where(s => s.Effect == "Allow").SelectMany(s => s.Actions).ShouldBe(StackActions, ignoreOrder: true);
        RolePolicies.Actions(_template, "ApplyRole").ShouldNotContain("cloudformation:UpdateStack", "a change set only: it is shown before it is executed");
    }

    [Fact]
    public void ApplyRole_CreateChangeSet_WithATemplateFromS3_IsDenied()
    {
        // UsePreviousTemplate is what the workflow sends. A TemplateBody has no condition key: what
        // it could change is bounded by the rest of the role's rights.
        var deny = RolePolicies.Statements(_template, "ApplyRole").Where(s => s.Effect == "Deny").ShouldHaveSingleItem();

        deny.Actions.ShouldBe(["cloudformation:CreateChangeSet"]);
        deny.Resources.ShouldBe([ThisStack]);
        deny.Condition!.Keys().ShouldBe(["Null"]);
        deny.Condition!.Mapping("Null").Entries().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Key.ShouldBe("cloudformation:TemplateUrl"),
            e => e.Value.Text().ShouldBe("false"));
    }

    [Fact]
    public void ApplyRole_Grants_AreTheTableThisStackAndTheMailPathOnly()
    {
        var services = RolePolicies.Actions(_template, "ApplyRole").Select(a => a[..a.IndexOf(':', StringComparison.Ordinal)]).Distinct();

        services.ShouldBe(["dynamodb", "cloudformation", "ses", "iam"], ignoreOrder: true);
        RolePolicies.Actions(_template, "ApplyRole").Where(a => a.StartsWith("ses:", StringComparison.Ordinal)).ShouldBe(ReceiptRuleActions, ignoreOrder: true);
        RolePolicies.Actions(_template, "ApplyRole").Where(a => a.StartsWith("iam:", StringComparison.Ordinal)).ShouldBe(FunctionRoleActions, ignoreOrder: true);
    }

    [Fact]
    public void ApplyRole_MailPathStatements_HoldOnlyThroughACloudFormationStackOperation()
    {
        // Without a service role CloudFormation acts with the caller's credentials through forward
        // access sessions, which set aws:CalledViaFirst: a direct call of the role matches nothing here.
        var statements = ApplyRoleMailPathStatements();

        statements.Count.ShouldBe(4);
        foreach (var statement in statements)
        {
            statement.Effect.ShouldBe("Allow");
            statement.Condition!.Mapping("StringEquals").Text("aws:CalledViaFirst").ShouldBe(CalledViaCloudFormation, statement.Sid);
        }
    }

    [Fact]
    public void ApplyRole_ReceiptRule_IsUpdatedInTheStacksRegionOnly()
    {
        var statement = ApplyRoleMailPathStatements().Single(s => s.Actions.Any(a => a.StartsWith("ses:", StringComparison.Ordinal)));

        statement.Actions.ShouldBe(ReceiptRuleActions, ignoreOrder: true);
        statement.Resources.ShouldBe(["*"]);
        statement.Condition!.Keys().ShouldBe(["StringEquals"]);
        var equals = statement.Condition!.Mapping("StringEquals");
        equals.Keys().ShouldBe(["aws:RequestedRegion", "aws:CalledViaFirst"], ignoreOrder: true);
        IntrinsicText.Render(equals.Get("aws:RequestedRegion")).ShouldBe("${AWS::Region}");
    }

    [Fact]
    public void ApplyRole_IamStatements_NameTheTwoFunctionRolesOnly()
    {
        var iam = ApplyRoleMailPathStatements().Where(s => s.Actions.Any(a => a.StartsWith("iam:", StringComparison.Ordinal))).ToList();

        iam.ShouldNotBeEmpty();
        foreach (var statement in iam)
        {
            statement.Actions.ShouldAllBe(a => a.StartsWith("iam:", StringComparison.Ordinal));
            statement.Resources.ShouldBe(FunctionRoleArns, ignoreOrder: true, statement.Sid);
        }
    }

    [Theory]
    [InlineData("iam:PutRolePolicy")]
    [InlineData("iam:DeleteRolePolicy")]
    [InlineData("iam:PutRolePermissionsBoundary")]
    public void ApplyRole_IamWrites_OnlyWithTheBoundaryInPlace(string action)
    {
        // For PutRolePolicy and DeleteRolePolicy iam:PermissionsBoundary is the role's current
        // boundary; for PutRolePermissionsBoundary it is the boundary being set: the same one.
        foreach (var statement in ApplyRoleMailPathStatements().Where(s => s.Actions.Contains(action)))
        {
            IntrinsicText.Render(statement.Condition!.Mapping("StringEquals").Get("iam:PermissionsBoundary")).ShouldBe($"${{{MailRolesBoundary}}}", statement.Sid);
        }
    }

    [Fact]
    public void ApplyRole_CannotChangeTheBoundaryTheBoundaryPolicyOrTheTrustOfARole()
    {
        string[] never =
        [
            "iam:DeleteRolePermissionsBoundary",
            "iam:CreatePolicyVersion",
            "iam:DeletePolicyVersion",
            "iam:SetDefaultPolicyVersion",
            "iam:CreatePolicy",
            "iam:DeletePolicy",
            "iam:AttachRolePolicy",
            "iam:DetachRolePolicy",
            "iam:UpdateAssumeRolePolicy",
            "iam:UpdateRole",
            "iam:CreateRole",
            "iam:DeleteRole",
            "iam:PassRole",
            "iam:TagRole",
            "iam:UntagRole",
        ];

        RolePolicies.Actions(_template, "ApplyRole").ShouldNotContain(a => never.Contains(a));
    }

    [Theory]
    [InlineData("DispositionRole")]
    [InlineData("DeliveryRole")]
    public void FunctionRole_PermissionsBoundary_IsMailRolesBoundary(string roleId)
    {
        IntrinsicText.Render(_template.Properties(roleId).Get("PermissionsBoundary")).ShouldBe($"${{{MailRolesBoundary}}}");
    }

    [Fact]
    public void MailRolesBoundary_AllowsExactlyWhatTheFunctionRolesAllow()
    {
        // Every action on every resource a function role's inline policy allows is inside the
        // boundary (a permission added to a role and not to the boundary would be cut off), and the
        // boundary allows nothing else. Conditions may be looser: the SES From and feedback address
        // conditions follow DomainNames, the boundary must not.
        var roles = FunctionRoles.SelectMany(r => RolePolicies.Grants(_template, r)).Distinct().Order(StringComparer.Ordinal);
        var boundary = RolePolicies.ManagedPolicyStatements(_template, MailRolesBoundary).SelectMany(s => s.Grants).Distinct().Order(StringComparer.Ordinal);

        boundary.ShouldBe(roles);
    }

    [Fact]
    public void MailRolesBoundary_Statements_AreNamedAllowsOnly()
    {
        foreach (var statement in RolePolicies.ManagedPolicyStatements(_template, MailRolesBoundary))
        {
            statement.Effect.ShouldBe("Allow");
            statement.Keys.ShouldBeSubsetOf(StatementKeys);
            statement.Actions.ShouldAllBe(a => !a.Contains('*', StringComparison.Ordinal));
            statement.Resources.ShouldNotBeEmpty();
            statement.Resources.ShouldNotContain("*");
        }
    }

    [Fact]
    public void IamResources_HaveNoFixedName_SoCapabilityIamIsEnough()
    {
        // update-stack.sh acknowledges CAPABILITY_IAM only; a named IAM resource needs CAPABILITY_NAMED_IAM.
        foreach (var role in _template.OfType("AWS::IAM::Role"))
        {
            _template.Properties(role).Find("RoleName").ShouldBeNull(role);
        }

        _template.Properties(MailRolesBoundary).Find("ManagedPolicyName").ShouldBeNull();
        _template.Root.Find("Transform").ShouldBeNull("a transform needs CAPABILITY_AUTO_EXPAND");
    }

    /// <summary>The apply role's statements on SES and IAM: the resources DomainNames reaches.</summary>
    private List<PolicyStatement> ApplyRoleMailPathStatements() =>
        [.. RolePolicies.Statements(_template, "ApplyRole").Where(s => s.Actions.Any(a => a.StartsWith("ses:", StringComparison.Ordinal) || a.StartsWith("iam:", StringComparison.Ordinal)))];

    private static bool IsTheReceiptRuleStatement(string roleId, PolicyStatement statement) =>
        roleId == "ApplyRole" && statement.Effect == "Allow" && statement.Actions.All(ReceiptRuleActions.Contains);
}
