using TacoMail.Deployment.Tests.Template;
using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Workflows;

public sealed partial class WorkflowContractTests
{
    [Fact]
    public void ApplyWorkflow_ApplyStep_WaitsTenMinutesForTheLock()
    {
        var apply = _apply.Scripts("apply").Where(s => s.Contains("tacomail apply", StringComparison.Ordinal)).ShouldHaveSingleItem();

        apply.ShouldContain("--lock-timeout 10m");
        apply.ShouldContain("| tee apply.log");
    }

    [Fact]
    public void ApplyWorkflow_Masking_IsOnUnlessTheRepositoryVariableSaysTrue()
    {
        // The apply log reaches the job log, the job summary and the comment: masked like the plan comment.
        var step = _apply.Steps("apply").Where(s => s.Find("run") is { } run && run.Text().Contains("tacomail apply", StringComparison.Ordinal)).ShouldHaveSingleItem();

        step.Mapping("env").Text("SHOW_DESTINATIONS").ShouldBe("${{ vars.TACOMAIL_SHOW_DESTINATIONS }}");
        var script = step.Text("run");
        script.ShouldContain("mask=(--mask-destinations)");
        script.ShouldContain("if [ \"$SHOW_DESTINATIONS\" = \"true\" ]; then\n  mask=()");
        script.Split('\n').Where(l => l.Contains("tacomail apply", StringComparison.Ordinal)).ShouldHaveSingleItem()
            .ShouldContain("\"${mask[@]}\"");
    }

    [Fact]
    public void ApplyWorkflow_ApplyJob_RunsInTheEnvironmentTheApplyRoleTrusts()
    {
        var environment = _apply.Job("apply").Text("environment");

        environment.ShouldBe("tacomail-apply");
        CloudFormationTemplate.Load().Root.Mapping("Parameters").Mapping("ApplyEnvironment").Text("Default").ShouldBe(environment);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_OnlyTheApplyJobs_UseAnEnvironment(string name)
    {
        var workflow = WorkflowFile.Load(name);

        foreach (var job in workflow.JobIds)
        {
            var applies = (name, job) is ("apply.yml", "apply") or ("nightly.yml", "due-apply");
            (workflow.Job(job).Find("environment") != null).ShouldBe(applies, $"{name}: job {job}");
        }
    }

    [Fact]
    public void ApplyWorkflow_Shell_FailsOnAFailedPipe()
    {
        // `tacomail apply | tee` must fail the step when apply fails: GitHub's bash sets pipefail.
        _apply.Root.Mapping("defaults").Mapping("run").Text("shell").ShouldBe("bash");
    }

    [Fact]
    public void ApplyWorkflow_Result_GoesToTheSummaryAndTheMergedPullRequest()
    {
        var report = _apply.StepsUsing("apply", GitHubScript).ShouldHaveSingleItem();
        var script = report.Mapping("with").Text("script");

        report.Text("if").ShouldBe("${{ !cancelled() }}");
        script.ShouldContain("core.summary.addRaw(");
        script.ShouldContain("listPullRequestsAssociatedWithCommit");
        script.ShouldContain("commit_sha: context.sha");
        script.ShouldContain("p.merged_at");
        script.ShouldContain("github.rest.issues.createComment");
    }

    [Fact]
    public void ApplyWorkflow_Comment_ShowsTheFullLogOnlyWhenDestinationsMayBeShown()
    {
        var report = _apply.StepsUsing("apply", GitHubScript).ShouldHaveSingleItem();

        report.Mapping("env").Text("SHOW_DESTINATIONS").ShouldBe("${{ vars.TACOMAIL_SHOW_DESTINATIONS }}");
        report.Mapping("with").Text("script").ShouldContain("if (process.env.SHOW_DESTINATIONS === 'true' && log)");
    }

    [Fact]
    public void CiWorkflow_TestJob_RunsTheBuildScriptTestsWithJava17AndNode()
    {
        var job = _ci.JobIds.ShouldHaveSingleItem();

        _ci.Scripts(job).ShouldContain("./build.sh test");
        _ci.StepsUsing(job, "actions/setup-dotnet").ShouldHaveSingleItem();
        _ci.StepsUsing(job, "actions/setup-java").ShouldHaveSingleItem().Mapping("with").Text("java-version").ShouldBe("17");
        _ci.StepsUsing(job, "actions/setup-node").ShouldHaveSingleItem();
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_Checkout_DoesNotPersistTheToken(string name)
    {
        var workflow = WorkflowFile.Load(name);

        foreach (var job in workflow.JobIds)
        {
            foreach (var checkout in workflow.StepsUsing(job, "actions/checkout"))
            {
                checkout.Mapping("with").Text("persist-credentials").ShouldBe("false", $"{name}: job {job}");
            }
        }
    }
}
