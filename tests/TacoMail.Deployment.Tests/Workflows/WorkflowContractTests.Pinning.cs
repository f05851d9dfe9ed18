using System.Text.RegularExpressions;

namespace TacoMail.Deployment.Tests.Workflows;

public sealed partial class WorkflowContractTests
{
    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflow_EveryUses_IsPinnedToAFullCommitShaWithAVersionComment(string name)
    {
        var uses = WorkflowFile.Load(name).Uses();

        uses.ShouldNotBeEmpty();
        foreach (var (value, line) in uses)
        {
            Pinned().IsMatch(value).ShouldBeTrue($"{name}: '{value}' is not owner/repo@<40-hex commit SHA>");
            VersionComment().IsMatch(line).ShouldBeTrue($"{name}: '{line.Trim()}' has no '# vX' comment naming the pinned version");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@[0-9a-f]{40}$")]
    private static partial Regex Pinned();

    [GeneratedRegex(@"@[0-9a-f]{40} # v\d+(\.\d+)*\s*$")]
    private static partial Regex VersionComment();
}
