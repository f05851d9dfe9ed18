using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Workflows;

/// <summary>Checks the GitOps workflows against their contract (issue 5): triggers, permissions, pins, comments; the nightly run (issue 13).</summary>
public sealed partial class WorkflowContractTests
{
    private const string ConfigureAwsCredentials = "aws-actions/configure-aws-credentials";
    private const string GitHubScript = "actions/github-script";

    private readonly WorkflowFile _ci = WorkflowFile.Load("ci.yml");
    private readonly WorkflowFile _plan = WorkflowFile.Load("plan.yml");
    private readonly WorkflowFile _apply = WorkflowFile.Load("apply.yml");
    private readonly WorkflowFile _nightly = WorkflowFile.Load("nightly.yml");

    public static TheoryData<string> Workflows => new(WorkflowFile.Names());

    [Fact]
    public void Folder_Workflows_AreCiPlanApplyAndNightly()
    {
        WorkflowFile.Names().ShouldBe(["apply.yml", "ci.yml", "nightly.yml", "plan.yml"]);
    }

    private static YamlMappingNode Permissions(YamlNode owner) => owner.Mapping("permissions");

    private static IReadOnlyList<string> PermissionList(YamlNode owner) =>
        [.. Permissions(owner).Entries().Select(e => $"{e.Key}: {e.Value.Text()}")];
}
