using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Workflows;

public sealed partial class WorkflowContractTests
{
    private const string MainHeadQuery = "gh api \"repos/$GITHUB_REPOSITORY/git/ref/heads/main\" --jq .object.sha";

    [Fact]
    public void ApplyWorkflow_TipOfMainCheck_ComesBeforeTheApply()
    {
        // Re-running an old apply run must not roll the table back to that commit's aliases.
        var steps = _apply.Steps("apply");

        var check = IndexOf(steps, s => RunText(s).Contains(MainHeadQuery, StringComparison.Ordinal));
        var apply = IndexOf(steps, s => RunText(s).Contains("tacomail apply", StringComparison.Ordinal));

        check.ShouldBeGreaterThanOrEqualTo(0, "no step reads the head of main");
        check.ShouldBe(apply - 1, "the check runs right before the apply, so main has the least time to move in between");
    }

    [Fact]
    public void ApplyWorkflow_TipOfMainCheck_FailsUnlessTheRunsCommitIsTheHead()
    {
        var step = _apply.Steps("apply").Single(s => RunText(s).Contains(MainHeadQuery, StringComparison.Ordinal));
        var lines = RunText(step).Split('\n');

        lines[0].ShouldBe($"head=\"$({MainHeadQuery})\"", "an assignment from a failed command substitution stops bash -e: fails closed");
        lines.ShouldContain("if [ \"$head\" != \"$GITHUB_SHA\" ]; then");
        var refusal = lines.SkipWhile(l => !l.StartsWith("if [ \"$head\"", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Trim() != "fi").ToList();
        refusal.ShouldContain(l => l.Contains("::error::Refusing to apply $GITHUB_SHA", StringComparison.Ordinal) && l.Contains("roll the table back", StringComparison.Ordinal));
        refusal.Last().Trim().ShouldBe("exit 1");
    }

    [Fact]
    public void ApplyWorkflow_TipOfMainCheck_UsesTheJobTokenWithNoExtraPermission()
    {
        var step = _apply.Steps("apply").Single(s => RunText(s).Contains(MainHeadQuery, StringComparison.Ordinal));

        step.Mapping("env").Text("GH_TOKEN").ShouldBe("${{ github.token }}");
        step.Find("uses").ShouldBeNull("a plain run step: nothing to pin, nothing third-party");
        PermissionList(_apply.Job("apply")).ShouldNotContain(p => p.StartsWith("contents:", StringComparison.Ordinal) && p != "contents: read");
        _apply.Triggers.ShouldBe(["push"]);
        _apply.Root.Mapping("on").Mapping("push").Get("branches").Texts().ShouldBe(["main"], "the check compares with main, the only branch that triggers an apply");
    }

    private static string RunText(YamlMappingNode step) => step.Find("run") is { } run ? run.Text() : string.Empty;

    private static int IndexOf(IReadOnlyList<YamlMappingNode> steps, Func<YamlMappingNode, bool> match)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (match(steps[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
