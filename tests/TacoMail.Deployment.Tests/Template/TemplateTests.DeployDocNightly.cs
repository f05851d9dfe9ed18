using System.Globalization;
using System.Text.RegularExpressions;
using TacoMail.Deployment.Tests.Workflows;
using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>docs/deploy.md describes the nightly workflow as it is (issue 13, point 5).</summary>
public sealed partial class TemplateTests
{
    [Fact]
    public void DeployDoc_NightlyRun_NamesTheScheduleTheCommandsAndTheVariables()
    {
        var section = DeployDocSection("## The nightly run");
        var nightly = WorkflowFile.Load("nightly.yml");

        var cron = nightly.Root.Mapping("on").Sequence("schedule").Children.Single().Text("cron").Split(' ');
        var time = $"{int.Parse(cron[1], CultureInfo.InvariantCulture):00}:{int.Parse(cron[0], CultureInfo.InvariantCulture):00} UTC";
        section.ShouldContain(time, Case.Sensitive);
        section.ShouldContain("`tacomail apply --only-due --lock-timeout 10m --mask-destinations`", Case.Sensitive);
        section.ShouldContain("`tacomail drift --format markdown --detailed-exitcode`", Case.Sensitive);
        section.ShouldContain("**without a commit**", Case.Sensitive);
        section.ShouldContain("**Expiries take effect by the next nightly run**", Case.Sensitive);
        section.ShouldContain("`tacomail-apply`", Case.Sensitive);
        foreach (var variable in nightly.Lines.SelectMany(l => RepositoryVariable().Matches(l)).Select(m => m.Groups[1].Value).Distinct())
        {
            section.ShouldContain($"`{variable}", Case.Sensitive, customMessage: variable);
        }
    }

    [Fact]
    public void DeployDoc_NightlyRun_NamesTheIssuesLabelAndMarkerAndHowToResolveIt()
    {
        var section = DeployDocSection("## The nightly run");
        var script = WorkflowFile.Load("nightly.yml").Steps("report").Single().Mapping("with").Text("script");

        foreach (var (name, value) in new[] { ("label", "tacomail-drift"), ("marker", "<!-- tacomail-drift -->") })
        {
            script.ShouldContain($"const {name} = '{value}';");
            section.ShouldContain($"`{value}`", Case.Sensitive);
        }

        var resolving = DeployDocSection("### Resolving a drift issue");
        resolving.ShouldContain("*Re-run jobs*", Case.Sensitive);
        resolving.ShouldContain("./build.sh apply", Case.Sensitive);
        resolving.ShouldContain("`tacomail export --out /tmp/table`", Case.Sensitive);
    }

    [GeneratedRegex(@"vars\.([A-Z0-9_]+)")]
    private static partial Regex RepositoryVariable();
}
