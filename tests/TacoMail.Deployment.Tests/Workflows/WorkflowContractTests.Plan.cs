using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Workflows;

public sealed partial class WorkflowContractTests
{
    private const string StickyMarker = "<!-- tacomail-plan -->";

    [Fact]
    public void PlanWorkflow_ValidateJob_RunsValidateWithoutCredentials()
    {
        _plan.Scripts("validate").ShouldContain(s => s.Contains("tacomail validate", StringComparison.Ordinal));
        _plan.StepsUsing("validate", ConfigureAwsCredentials).ShouldBeEmpty();
        _plan.Job("validate").Find("if").ShouldBeNull("validation runs for every pull request, forks included");
    }

    [Fact]
    public void PlanWorkflow_PlanJob_SkipsForksWhichGetNoOidcToken()
    {
        _plan.Job("plan").Text("if").ShouldContain("github.event.pull_request.head.repo.full_name == github.repository");
        _plan.Job("plan-unavailable").Text("if").ShouldContain("github.event.pull_request.head.repo.full_name != github.repository");
        _plan.Scripts("plan-unavailable").ShouldHaveSingleItem().ShouldContain("::notice");
    }

    [Fact]
    public void PlanWorkflow_PlanStep_RendersMarkdownAndSavesTheJsonPlan()
    {
        var plan = _plan.Scripts("plan").Where(s => s.Contains("tacomail plan", StringComparison.Ordinal)).ShouldHaveSingleItem();

        plan.ShouldContain("--format markdown");
        plan.ShouldContain("--out plan.json");
        plan.ShouldContain("> plan.md");
    }

    [Fact]
    public void PlanWorkflow_Masking_IsOnUnlessTheRepositoryVariableSaysTrue()
    {
        var step = _plan.Steps("plan").Where(s => s.Find("run") is { } run && run.Text().Contains("tacomail plan", StringComparison.Ordinal)).ShouldHaveSingleItem();

        step.Mapping("env").Text("SHOW_DESTINATIONS").ShouldBe("${{ vars.TACOMAIL_SHOW_DESTINATIONS }}");
        var script = step.Text("run");
        script.ShouldContain("mask=(--mask-destinations)");
        script.ShouldContain("if [ \"$SHOW_DESTINATIONS\" = \"true\" ]; then\n  mask=()");
        script.ShouldContain("\"${mask[@]}\"");
    }

    [Fact]
    public void PlanWorkflow_Comment_IsOneStickyCommentFoundByItsHiddenMarker()
    {
        var script = _plan.StepsUsing("plan", GitHubScript).ShouldHaveSingleItem().Mapping("with").Text("script");

        script.ShouldContain($"const marker = '{StickyMarker}';");
        script.ShouldContain("github.paginate(github.rest.issues.listComments");
        script.ShouldContain("c.body?.includes(marker)");
        script.ShouldContain("github.rest.issues.updateComment");
        script.ShouldContain("github.rest.issues.createComment");
        script.IndexOf("updateComment", StringComparison.Ordinal).ShouldBeLessThan(script.IndexOf("createComment", StringComparison.Ordinal));
        script.ShouldContain("readFileSync('plan.md'");
    }

    [Fact]
    public void PlanWorkflow_Comment_RunsAfterAFailureSoAnOldPlanDoesNotLookCurrent()
    {
        var comment = _plan.StepsUsing("plan", GitHubScript).ShouldHaveSingleItem();

        comment.Text("if").ShouldBe("${{ !cancelled() }}");
        _plan.Job("plan").Text("if").ShouldStartWith("${{ !cancelled() &&");
    }

    [Fact]
    public void PlanWorkflow_JsonPlan_IsUploadedAsAnArtifact()
    {
        var upload = _plan.StepsUsing("plan", "actions/upload-artifact").ShouldHaveSingleItem().Mapping("with");

        upload.Text("path").ShouldBe("plan.json");
    }

    [Fact]
    public void PlanWorkflow_JsonPlanArtifact_IsWrittenUnderTheSameMaskingAsTheComment()
    {
        // The artifact is readable by anyone who can read the run: plan.json comes only from the
        // masked `tacomail plan` (and the saved plan it writes holds no destination anyway).
        var writers = _plan.Scripts("plan").SelectMany(s => s.Split('\n')).Where(l => l.Contains("plan.json", StringComparison.Ordinal)).ToList();

        var command = writers.ShouldHaveSingleItem();
        command.ShouldStartWith("tacomail plan ");
        command.ShouldContain("\"${mask[@]}\"");
        command.ShouldContain("--out plan.json");
        _plan.StepsUsing("plan", "actions/upload-artifact").ShouldHaveSingleItem().Mapping("with").Text("path").ShouldBe("plan.json");
    }

    [Fact]
    public void PlanWorkflow_Markdown_GoesToTheJobSummary()
    {
        _plan.Scripts("plan").ShouldContain("cat plan.md >> \"$GITHUB_STEP_SUMMARY\"");
    }
}
