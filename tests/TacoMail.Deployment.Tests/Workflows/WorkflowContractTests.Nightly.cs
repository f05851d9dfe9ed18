using System.Text.RegularExpressions;
using TacoMail.Deployment.Tests.Template;
using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Workflows;

/// <summary>The nightly run (issue 13, point 5): due expiries applied without a commit, drift reported in one issue.</summary>
public sealed partial class WorkflowContractTests
{
    private const string MainRef = "github.ref == 'refs/heads/main'";
    private const string DriftMarker = "<!-- tacomail-drift -->";
    private const string DriftLabel = "tacomail-drift";

    [Fact]
    public void NightlyWorkflow_Triggers_OnlyTheScheduleAndManualRuns()
    {
        _nightly.Triggers.ShouldBe(["schedule", "workflow_dispatch"], ignoreOrder: true);

        var cron = _nightly.Root.Mapping("on").Sequence("schedule").Children.ShouldHaveSingleItem().Text("cron");
        var fields = cron.Split(' ');
        fields.Length.ShouldBe(5, cron);
        fields[2..].ShouldBe(["*", "*", "*"], $"'{cron}' runs every night");
        int.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture).ShouldNotBe(0, $"'{cron}': off the hour, when GitHub's scheduler is least busy");
        _nightly.Root.Mapping("on").Get("workflow_dispatch").Text().ShouldBeEmpty("a manual run takes no input");
    }

    [Fact]
    public void NightlyWorkflow_EveryJob_RunsOnMainOnly()
    {
        // A schedule runs on the default branch; a manual run may be started on any branch.
        _nightly.JobIds.ShouldBe(["due-apply", "drift", "report"]);
        foreach (var job in _nightly.JobIds)
        {
            _nightly.Job(job).Text("if").ShouldContain(MainRef, Case.Sensitive, job);
        }
    }

    [Fact]
    public void NightlyWorkflow_Concurrency_IsTheApplyGroupNeverCancelledMidway()
    {
        var concurrency = _nightly.Root.Mapping("concurrency");

        concurrency.Text("group").ShouldBe(_apply.Root.Mapping("concurrency").Text("group"));
        concurrency.Text("cancel-in-progress").ShouldBe("false");
        _nightly.JobIds.ShouldAllBe(j => _nightly.Job(j).Find("concurrency") == null);
    }

    [Fact]
    public void NightlyWorkflow_Jobs_HaveMinimalPermissions()
    {
        PermissionList(_nightly.Job("due-apply")).ShouldBe(["contents: read", "id-token: write"], ignoreOrder: true);
        PermissionList(_nightly.Job("drift")).ShouldBe(["contents: read", "id-token: write"], ignoreOrder: true);
        PermissionList(_nightly.Job("report")).ShouldBe(["issues: write"]);
    }

    [Fact]
    public void NightlyWorkflow_NoJob_WritesContents()
    {
        // Expiries take effect without a commit: the YAML keeps `expires`, the table changes.
        foreach (var job in _nightly.JobIds)
        {
            PermissionList(_nightly.Job(job)).ShouldNotContain(p => p.StartsWith("contents:", StringComparison.Ordinal) && p != "contents: read", job);
        }
    }

    [Fact]
    public void NightlyWorkflow_DueApply_AssumesTheApplyRoleInTheEnvironmentItTrusts()
    {
        var job = _nightly.Job("due-apply");
        var credentials = _nightly.StepsUsing("due-apply", ConfigureAwsCredentials).ShouldHaveSingleItem().Mapping("with");

        job.Text("environment").ShouldBe(_apply.Job("apply").Text("environment"));
        job.Text("environment").ShouldBe(CloudFormationTemplate.Load().Root.Mapping("Parameters").Mapping("ApplyEnvironment").Text("Default"));
        credentials.Text("role-to-assume").ShouldBe("${{ vars.TACOMAIL_APPLY_ROLE_ARN }}");
        credentials.Text("aws-region").ShouldBe("${{ vars.AWS_REGION }}");
    }

    [Fact]
    public void NightlyWorkflow_DueApplyStep_AppliesOnlyWhatIsDueUnderTheLock()
    {
        var command = TacomailCommand("due-apply", "tacomail apply");

        command.ShouldStartWith("tacomail apply --config aliases ");
        command.ShouldContain("--only-due");
        command.ShouldContain("--lock-timeout 10m");
        command.ShouldContain("\"${mask[@]}\"");
        command.ShouldEndWith("2>&1 | tee due-apply.log");
        _nightly.Scripts("due-apply").ShouldNotContain(s => s.Contains("git commit", StringComparison.Ordinal) || s.Contains("git push", StringComparison.Ordinal));
    }

    [Fact]
    public void NightlyWorkflow_DueApplyLog_GoesToTheJobSummaryMasked()
    {
        var summary = _nightly.Steps("due-apply").Single(s => RunText(s).Contains("$GITHUB_STEP_SUMMARY", StringComparison.Ordinal));

        summary.Text("if").ShouldBe("${{ !cancelled() && steps.apply.outcome != 'skipped' }}");
        summary.Mapping("env").Text("APPLY_OUTCOME").ShouldBe("${{ steps.apply.outcome }}");
        RunText(summary).ShouldContain("cat due-apply.log");
        ShouldMaskLikeApply(TacomailStep("due-apply", "tacomail apply"));
        var steps = _nightly.Steps("due-apply");
        Position(steps, summary).ShouldBeGreaterThan(Position(steps, TacomailStep("due-apply", "tacomail apply")));
    }

    [Fact]
    public void NightlyWorkflow_Drift_AssumesThePlanRoleWhoseTrustAdmitsMain()
    {
        // Least privilege: reading the table needs no write right, and no environment.
        var credentials = _nightly.StepsUsing("drift", ConfigureAwsCredentials).ShouldHaveSingleItem().Mapping("with");

        credentials.Text("role-to-assume").ShouldBe("${{ vars.TACOMAIL_PLAN_ROLE_ARN }}");
        credentials.Text("aws-region").ShouldBe("${{ vars.AWS_REGION }}");
        _nightly.Job("drift").Find("environment").ShouldBeNull("a job with an environment gets the environment's sub, which the plan role does not trust");
        var trust = RolePolicies.Trust(CloudFormationTemplate.Load(), "PlanRole").ShouldHaveSingleItem();
        IntrinsicText.RenderAll(trust.Condition!.Mapping("StringEquals").Get("token.actions.githubusercontent.com:sub"))
            .ShouldContain("repo:${GitHubRepository}:ref:refs/heads/main");
    }

    [Fact]
    public void NightlyWorkflow_Drift_RunsAfterTheDueApplyEvenWhenItFailed()
    {
        var job = _nightly.Job("drift");

        job.Text("needs").ShouldBe("due-apply");
        job.Text("if").ShouldStartWith("${{ !cancelled() &&");
    }

    [Fact]
    public void NightlyWorkflow_DriftStep_TreatsExitTwoAsDriftAndAnyOtherFailureAsAnError()
    {
        var step = TacomailStep("drift", "tacomail drift");
        var lines = RunText(step).Split('\n').Select(l => l.Trim()).ToList();
        var command = TacomailCommand("drift", "tacomail drift");

        step.Text("id").ShouldBe("drift");
        command.ShouldStartWith("tacomail drift --config aliases ");
        command.ShouldContain("--format markdown");
        command.ShouldContain("--detailed-exitcode");
        command.ShouldContain("\"${mask[@]}\"");
        command.ShouldEndWith("> drift.md || code=$?", customMessage: "a non-zero exit must not stop bash -e before it is read");
        lines.ShouldContain("code=0");
        lines.ShouldContain("0) status=clean ;;");
        lines.ShouldContain("2) status=drift ;;");
        var other = lines.SkipWhile(l => l != "*)").Skip(1).TakeWhile(l => l != ";;").ToList();
        other.ShouldContain(l => l.StartsWith("echo \"::error::", StringComparison.Ordinal));
        other.Last().ShouldBe("exit 1", "an error fails the run, and the report job does not run");
        ShouldMaskLikeApply(step);
    }

    [Fact]
    public void NightlyWorkflow_DriftResult_ReachesTheReportJobAsOutputs()
    {
        var drift = _nightly.Job("drift");
        var script = RunText(TacomailStep("drift", "tacomail drift"));

        drift.Mapping("outputs").Text("status").ShouldBe("${{ steps.drift.outputs.status }}");
        drift.Mapping("outputs").Text("report").ShouldBe("${{ steps.drift.outputs.report }}");
        script.ShouldContain("echo \"status=$status\"");
        // The report is text from the table: a random delimiter, so that it cannot end the output early.
        script.ShouldContain("delimiter=\"tacomail-drift-$(openssl rand -hex 16)\"");
        script.ShouldContain("echo \"report<<$delimiter\"");
        script.ShouldContain("cat drift.md >> \"$GITHUB_STEP_SUMMARY\"");
    }

    [Fact]
    public void NightlyWorkflow_Report_RunsOnlyOnADriftResultAndHoldsNoAwsCredentials()
    {
        var report = _nightly.Job("report");
        var step = _nightly.StepsUsing("report", GitHubScript).ShouldHaveSingleItem();

        report.Text("needs").ShouldBe("drift");
        report.Text("if").ShouldContain("needs.drift.result == 'success'");
        _nightly.Steps("report").ShouldHaveSingleItem();
        _nightly.StepsUsing("report", ConfigureAwsCredentials).ShouldBeEmpty();
        step.Mapping("env").Text("DRIFT_STATUS").ShouldBe("${{ needs.drift.outputs.status }}");
        step.Mapping("env").Text("DRIFT_REPORT").ShouldBe("${{ needs.drift.outputs.report }}");
        var script = step.Mapping("with").Text("script");
        script.ShouldContain("if (status !== 'clean' && status !== 'drift') {\n  core.setFailed(");
        script.IndexOf("core.setFailed(", StringComparison.Ordinal).ShouldBeLessThan(script.IndexOf("github.", StringComparison.Ordinal), "an unknown result touches no issue");
    }

    [Fact]
    public void NightlyWorkflow_Report_KeepsOneIssueFoundByItsLabelAndMarker()
    {
        var script = _nightly.StepsUsing("report", GitHubScript).ShouldHaveSingleItem().Mapping("with").Text("script");

        script.ShouldContain($"const label = '{DriftLabel}';");
        script.ShouldContain($"const marker = '{DriftMarker}';");
        script.ShouldContain("github.paginate(github.rest.issues.listForRepo, { owner, repo, state: 'open'");
        script.ShouldContain("openIssues({ labels: label })");
        script.ShouldContain("i.body?.includes(marker)");
        script.ShouldContain("i.user?.login === 'github-actions[bot]'");
        script.ShouldContain("!i.pull_request");
        // Updated while drift persists, created only when none is open.
        script.ShouldContain("github.rest.issues.update({ owner, repo, issue_number: issue.number, body })");
        script.ShouldContain("github.rest.issues.create({");
        script.IndexOf("issue_number: issue.number, body }", StringComparison.Ordinal).ShouldBeLessThan(script.IndexOf("github.rest.issues.create({", StringComparison.Ordinal));
        // Says since when and which run saw it last.
        script.ShouldContain("issue ? issue.created_at : now");
        script.ShouldContain("${context.runId}");
    }

    [Fact]
    public void NightlyWorkflow_Report_ClosesTheIssueWithACommentWhenTheTableIsClean()
    {
        var script = _nightly.StepsUsing("report", GitHubScript).ShouldHaveSingleItem().Mapping("with").Text("script");
        var clean = script[script.IndexOf("if (status === 'clean') {", StringComparison.Ordinal)..];
        clean = clean[..(clean.IndexOf("\n}\n", StringComparison.Ordinal) + 2)];

        clean.ShouldContain("github.rest.issues.createComment(");
        clean.ShouldContain("state: 'closed', state_reason: 'completed'");
        clean.IndexOf("createComment", StringComparison.Ordinal).ShouldBeLessThan(clean.IndexOf("state: 'closed'", StringComparison.Ordinal));
        clean.ShouldContain("return;");
    }

    [Fact]
    public void NightlyWorkflow_Report_CreatesTheLabelOrDoesWithoutIt()
    {
        var script = _nightly.StepsUsing("report", GitHubScript).ShouldHaveSingleItem().Mapping("with").Text("script");

        script.ShouldContain("github.rest.issues.getLabel({ owner, repo, name: label })");
        script.ShouldContain("github.rest.issues.createLabel({ owner, repo, name: label");
        script.ShouldContain("labels: labelled ? [label] : []");
    }

    [Fact]
    public void NightlyWorkflow_IssueBody_FitsGitHubsLimit()
    {
        var script = _nightly.StepsUsing("report", GitHubScript).ShouldHaveSingleItem().Mapping("with").Text("script");

        script.ShouldContain("const room = 65536 - header.length - 1;");
        script.ShouldContain("if (details.length > room) {");
        script.ShouldContain("tacomail export");
    }

    [Fact]
    public void NightlyWorkflow_Pins_AreThoseOfApplyAndPlan()
    {
        // One version of each action across the workflows: a bump updates every copy.
        var known = _apply.Uses().Concat(_plan.Uses()).Select(u => PinnedText(u.Value, u.Line)).ToHashSet(StringComparer.Ordinal);

        foreach (var (value, line) in _nightly.Uses())
        {
            known.ShouldContain(PinnedText(value, line));
        }

        _nightly.Uses().Select(u => u.Value.Split('@')[0]).Distinct().ShouldBe(
            ["actions/checkout", "actions/setup-dotnet", ConfigureAwsCredentials, GitHubScript], ignoreOrder: true);
    }

    [Fact]
    public void NightlyWorkflow_BuildStep_IsTheApplyWorkflowsBuildStep()
    {
        // A copy, not a shared composite action: a local action could not be pinned to a SHA.
        var build = BuildStep(_apply, "apply");

        foreach (var job in new[] { "due-apply", "drift" })
        {
            BuildStep(_nightly, job).ShouldBe(build, job);
            var steps = _nightly.Steps(job);
            IndexOf(steps, s => s.Find("name")?.Text() == "Build tacomail").ShouldBeLessThan(Position(steps, _nightly.StepsUsing(job, ConfigureAwsCredentials).Single()), job);
        }
    }

    [Fact]
    public void NightlyWorkflow_MainCheck_ComesRightBeforeEachTacomailStep()
    {
        // A re-run of an old run, or a run that waited through a merge, must not apply or compare old aliases.
        foreach (var (job, command) in new[] { ("due-apply", "tacomail apply"), ("drift", "tacomail drift") })
        {
            var steps = _nightly.Steps(job);
            var tacomail = Position(steps, TacomailStep(job, command));
            var check = steps[tacomail - 1];
            var lines = RunText(check).Split('\n');

            check.Find("uses").ShouldBeNull(job);
            check.Mapping("env").Text("GH_TOKEN").ShouldBe("${{ github.token }}", job);
            lines[0].ShouldBe($"head=\"$({MainHeadQuery})\"", job);
            lines.ShouldContain("ours=\"$(git rev-parse \"HEAD:aliases\")\"", job);
            lines.ShouldContain(l => l.StartsWith("theirs=\"$(gh api \"repos/$GITHUB_REPOSITORY/git/trees/$head\"", StringComparison.Ordinal), job);
            lines.ShouldContain("if [ \"$theirs\" != \"$ours\" ]; then", job);
            var refusal = lines.SkipWhile(l => !l.StartsWith("if [ \"$theirs\"", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Trim() != "fi").ToList();
            refusal.ShouldContain(l => l.Contains("::error::Refusing", StringComparison.Ordinal), job);
            refusal.Last().Trim().ShouldBe("exit 1", job);
        }
    }

    [Fact]
    public void NightlyWorkflow_TacomailCommands_AreApplyOnlyDueAndDrift()
    {
        // The commands of the CLI contract (issue 13): nothing else reaches the table.
        var commands = _nightly.JobIds.SelectMany(_nightly.Scripts).SelectMany(s => s.Split('\n'))
            .Select(l => TacomailCall().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

        commands.ShouldBe(["apply", "drift"], ignoreOrder: true);
    }

    private YamlMappingNode TacomailStep(string job, string command) =>
        _nightly.Steps(job).Where(s => RunText(s).Split('\n').Any(l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal))).ShouldHaveSingleItem();

    private string TacomailCommand(string job, string command) =>
        RunText(TacomailStep(job, command)).Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(command + " ", StringComparison.Ordinal)).ShouldHaveSingleItem();

    private static int Position(IReadOnlyList<YamlMappingNode> steps, YamlMappingNode step) => IndexOf(steps, s => ReferenceEquals(s, step));

    private static void ShouldMaskLikeApply(YamlMappingNode step)
    {
        step.Mapping("env").Text("SHOW_DESTINATIONS").ShouldBe("${{ vars.TACOMAIL_SHOW_DESTINATIONS }}");
        var script = step.Text("run");
        script.ShouldContain("mask=(--mask-destinations)");
        script.ShouldContain("if [ \"$SHOW_DESTINATIONS\" = \"true\" ]; then\n  mask=()");
    }

    private static string BuildStep(WorkflowFile workflow, string job) =>
        workflow.Steps(job).Single(s => s.Find("name")?.Text() == "Build tacomail").Text("run");

    /// <summary>The pin as written: <c>owner/repo@sha # vX</c>.</summary>
    private static string PinnedText(string value, string line) => line[line.IndexOf(value, StringComparison.Ordinal)..].TrimEnd();

    [GeneratedRegex(@"^\s*tacomail ([a-z-]+)")]
    private static partial Regex TacomailCall();
}
