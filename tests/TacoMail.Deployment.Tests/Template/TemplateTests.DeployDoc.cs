using System.Text.RegularExpressions;
using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

public sealed partial class TemplateTests
{
    private const string DeployDoc = "docs/deploy.md";

    [Fact]
    public void DeployDoc_ParameterTable_ListsExactlyTheTemplateParameters()
    {
        var lines = RepositoryRoot.ReadAllText(DeployDoc).ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, "| parameter | default | meaning |");
        start.ShouldBeGreaterThan(0);

        var documented = lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|'))
            .SelectMany(l => ParameterCell().Match(l).Groups[1].Value.Split(", "))
            .Select(p => p.Trim('`'))
            .ToList();

        documented.ShouldBe(_template.Root.Mapping("Parameters").Keys(), ignoreOrder: true);
    }

    [Fact]
    public void DeployDoc_DeployCommand_PassesNoMailPathSetting()
    {
        var text = RepositoryRoot.ReadAllText(DeployDoc);

        text.ShouldNotContain("BounceSender=");
        text.ShouldContain("## What is bounced, to whom, and why");
        text.ShouldContain("deployment-branch-policies");
    }

    [GeneratedRegex(@"^\| ([^|]+) \|")]
    private static partial Regex ParameterCell();
}
