using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Workflows;

public sealed partial class WorkflowContractTests
{
    [Fact]
    public void PlanWorkflow_Triggers_OnlyPullRequestsTouchingAliasesOrSchema()
    {
        _plan.Triggers.ShouldBe(["pull_request"]);
        var pullRequest = _plan.Root.Mapping("on").Mapping("pull_request");
        pullRequest.Keys().ShouldBe(["paths"]);
        pullRequest.Get("paths").Texts().ShouldBe(["aliases/**", "schema/**"], ignoreOrder: true);
    }

    [Fact]
    public void ApplyWorkflow_Triggers_OnlyPushesToMainTouchingAliases()
    {
        _apply.Triggers.ShouldBe(["push"]);
        var push = _apply.Root.Mapping("on").Mapping("push");
        push.Keys().ShouldBe(["branches", "paths"], ignoreOrder: true);
        push.Get("branches").Texts().ShouldBe(["main"]);
        push.Get("paths").Texts().ShouldBe(["aliases/**"]);
    }

    [Fact]
    public void CiWorkflow_Triggers_PullRequestsAndPushes()
    {
        _ci.Triggers.ShouldContain("pull_request");
        _ci.Triggers.ShouldContain("push");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_Triggers_NeverPullRequestTargetOrWorkflowRun(string name)
    {
        // Both run with the base repository's secrets and token on events a fork controls.
        var triggers = WorkflowFile.Load(name).Triggers;

        triggers.ShouldNotContain("pull_request_target");
        triggers.ShouldNotContain("workflow_run");
    }

    [Fact]
    public void ApplyWorkflow_Concurrency_OneGroupNeverCancelledMidway()
    {
        var concurrency = _apply.Root.Mapping("concurrency");

        concurrency.Text("group").ShouldBe("tacomail-apply");
        concurrency.Text("cancel-in-progress").ShouldBe("false");
        _apply.JobIds.ShouldAllBe(j => _apply.Job(j).Find("concurrency") == null);
    }
}
