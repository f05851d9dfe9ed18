using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

public sealed partial class TemplateTests
{
    private const string Audience = "token.actions.githubusercontent.com:aud";
    private const string Subject = "token.actions.githubusercontent.com:sub";
    private const string MainBranch = "repo:${GitHubRepository}:ref:refs/heads/main";
    private const string PullRequests = "repo:${GitHubRepository}:pull_request";
    private const string ApplyEnvironment = "repo:${GitHubRepository}:environment:${ApplyEnvironment}";

    private static readonly string[] TableReads = ["dynamodb:DescribeTable", "dynamodb:Scan", "dynamodb:Query", "dynamodb:GetItem"];

    // TransactWriteItems (renames) is authorized through the PutItem and DeleteItem it holds.
    private static readonly string[] TableWrites =
        ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem"];

    [Fact]
    public void PlanRole_Policies_GrantOnlyReadsOfTheTableAndItsIndexes()
    {
        RolePolicies.Grants(_template, "PlanRole").ShouldBe(
            [.. TableReads.Select(a => $"{a} on {TableArn}"), .. TableReads.Select(a => $"{a} on {IndexArns}")],
            ignoreOrder: true);
    }

    [Fact]
    public void PlanRole_Policies_HaveNoWriteAction()
    {
        var actions = RolePolicies.Actions(_template, "PlanRole");

        actions.ShouldAllBe(a => TableReads.Contains(a));
        actions.ShouldNotContain(a => TableWrites.Contains(a) || a.Contains("Write", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplyRole_TablePolicies_AddTheWritesOfApplyAndItsLockOnTheTableOnly()
    {
        // Its other grants update the stack's DomainNames (TemplateTests.StackUpdate.cs).
        RolePolicies.Grants(_template, "ApplyRole").Where(g => g.StartsWith("dynamodb:", StringComparison.Ordinal)).ShouldBe(
            [
                .. TableReads.Select(a => $"{a} on {TableArn}"),
                .. TableReads.Select(a => $"{a} on {IndexArns}"),
                .. TableWrites.Select(a => $"{a} on {TableArn}"),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void ApplyRole_Trust_AcceptsOnlyTheApplyEnvironmentOfTheRepository()
    {
        var trust = RolePolicies.Trust(_template, "ApplyRole").ShouldHaveSingleItem();

        ShouldBeGitHubOidc(trust);
        trust.Condition!.Keys().ShouldBe(["StringEquals"]);
        var equals = trust.Condition!.Mapping("StringEquals");
        equals.Keys().ShouldBe([Audience, Subject], ignoreOrder: true);
        equals.Text(Audience).ShouldBe("sts.amazonaws.com");
        // A job with an environment gets the environment's sub, which holds no ref: main is
        // enforced by the environment's deployment branch policy (docs/deploy.md).
        IntrinsicText.RenderAll(equals.Get(Subject)).ShouldBe([ApplyEnvironment]);
    }

    [Fact]
    public void ApplyEnvironment_Parameter_DefaultsToTacomailApply()
    {
        var parameter = _template.Root.Mapping("Parameters").Mapping("ApplyEnvironment");

        parameter.Text("Type").ShouldBe("String");
        parameter.Text("Default").ShouldBe("tacomail-apply");
    }

    [Fact]
    public void PlanRole_Trust_AcceptsPullRequestsAndTheMainBranch()
    {
        var trust = RolePolicies.Trust(_template, "PlanRole").ShouldHaveSingleItem();

        ShouldBeGitHubOidc(trust);
        trust.Condition!.Keys().ShouldBe(["StringEquals"]);
        var equals = trust.Condition!.Mapping("StringEquals");
        equals.Keys().ShouldBe([Audience, Subject], ignoreOrder: true);
        equals.Text(Audience).ShouldBe("sts.amazonaws.com");
        IntrinsicText.RenderAll(equals.Get(Subject)).ShouldBe([PullRequests, MainBranch], ignoreOrder: true);
    }

    [Fact]
    public void GitHubOidcProvider_WhenCreated_IsGitHubsIssuerForSts()
    {
        var provider = _template.Resource("GitHubOidcProvider");

        provider.Text("Condition").ShouldBe("CreateOidcProvider");
        provider.Mapping("Properties").Text("Url").ShouldBe("https://token.actions.githubusercontent.com");
        provider.Mapping("Properties").Get("ClientIdList").Texts().ShouldBe(["sts.amazonaws.com"]);
    }

    [Fact]
    public void Outputs_Include_RoleArnsTableAndBucket()
    {
        var outputs = _template.Root.Mapping("Outputs");

        IntrinsicText.Render(outputs.Mapping("PlanRoleArn").Get("Value")).ShouldBe("${PlanRole.Arn}");
        IntrinsicText.Render(outputs.Mapping("ApplyRoleArn").Get("Value")).ShouldBe("${ApplyRole.Arn}");
        IntrinsicText.Render(outputs.Mapping("TableName").Get("Value")).ShouldBe("${TableName}");
        IntrinsicText.Render(outputs.Mapping("MailBucketName").Get("Value")).ShouldBe("${MailBucket}");
    }

    private static void ShouldBeGitHubOidc(PolicyStatement trust)
    {
        trust.Effect.ShouldBe("Allow");
        trust.Actions.ShouldBe(["sts:AssumeRoleWithWebIdentity"]);
        trust.Keys.ShouldNotContain("NotPrincipal");
        IntrinsicText.Render(trust.Principal!.Get("Federated"))
            .ShouldBe("if(CreateOidcProvider, ${GitHubOidcProvider}, ${GitHubOidcProviderArn})");
    }
}
