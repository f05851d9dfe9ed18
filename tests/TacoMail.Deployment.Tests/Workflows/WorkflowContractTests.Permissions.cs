using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Workflows;

public sealed partial class WorkflowContractTests
{
    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_TopLevelPermissions_AreContentsReadOnly(string name)
    {
        PermissionList(WorkflowFile.Load(name).Root).ShouldBe(["contents: read"]);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_EveryJob_DeclaresPermissionsAsAMappingNeverWriteAll(string name)
    {
        var workflow = WorkflowFile.Load(name);

        foreach (var job in workflow.JobIds)
        {
            // write-all and read-all are scalars; only an explicit mapping of scopes is allowed.
            var permissions = workflow.Job(job).Get("permissions");
            permissions.ShouldBeOfType<YamlMappingNode>($"{name}: job {job}");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_IdTokenWrite_OnlyInJobsThatAssumeAnAwsRole(string name)
    {
        var workflow = WorkflowFile.Load(name);

        foreach (var job in workflow.JobIds)
        {
            var assumesRole = workflow.StepsUsing(job, ConfigureAwsCredentials).Count > 0;
            PermissionList(workflow.Job(job)).Contains("id-token: write").ShouldBe(assumesRole, $"{name}: job {job}");
        }
    }

    [Fact]
    public void PlanWorkflow_Jobs_HaveMinimalPermissions()
    {
        PermissionList(_plan.Job("validate")).ShouldBe(["contents: read"]);
        PermissionList(_plan.Job("plan")).ShouldBe(["contents: read", "id-token: write", "pull-requests: write"], ignoreOrder: true);
        PermissionList(_plan.Job("plan-unavailable")).ShouldBeEmpty();
    }

    [Fact]
    public void ApplyWorkflow_Job_HasMinimalPermissions()
    {
        _apply.JobIds.ShouldBe(["apply"]);
        PermissionList(_apply.Job("apply")).ShouldBe(["contents: read", "id-token: write", "pull-requests: write"], ignoreOrder: true);
    }

    [Fact]
    public void CiWorkflow_Jobs_ReadContentsOnly()
    {
        foreach (var job in _ci.JobIds)
        {
            PermissionList(_ci.Job(job)).ShouldBe(["contents: read"], job);
        }
    }

    [Fact]
    public void PlanWorkflow_PlanJob_AssumesThePlanRoleFromRepositoryVariables()
    {
        var credentials = _plan.StepsUsing("plan", ConfigureAwsCredentials).ShouldHaveSingleItem().Mapping("with");

        credentials.Text("role-to-assume").ShouldBe("${{ vars.TACOMAIL_PLAN_ROLE_ARN }}");
        credentials.Text("aws-region").ShouldBe("${{ vars.AWS_REGION }}");
    }

    [Fact]
    public void ApplyWorkflow_ApplyJob_AssumesTheApplyRoleFromRepositoryVariables()
    {
        var credentials = _apply.StepsUsing("apply", ConfigureAwsCredentials).ShouldHaveSingleItem().Mapping("with");

        credentials.Text("role-to-assume").ShouldBe("${{ vars.TACOMAIL_APPLY_ROLE_ARN }}");
        credentials.Text("aws-region").ShouldBe("${{ vars.AWS_REGION }}");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_AwsCredentials_NeverStaticKeys(string name)
    {
        var workflow = WorkflowFile.Load(name);

        foreach (var job in workflow.JobIds)
        {
            foreach (var step in workflow.StepsUsing(job, ConfigureAwsCredentials))
            {
                step.Mapping("with").Keys().ShouldBe(["role-to-assume", "aws-region", "role-session-name"], ignoreOrder: true);
            }
        }

        workflow.Lines.ShouldNotContain(l => l.Contains("AWS_ACCESS_KEY_ID", StringComparison.Ordinal) || l.Contains("secrets.AWS", StringComparison.Ordinal));
    }
}
