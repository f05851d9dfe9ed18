namespace TacoMail.Deployment.Tests.Template;

/// <summary>docs/deploy.md tells how the stack follows aliases/tacomail.yaml, what that lets the apply role do, and how a domain is added.</summary>
public sealed partial class TemplateTests
{
    [Fact]
    public void DeployDoc_Step6_SetsTheStackNameAndListsTheApplyRolesStackRights()
    {
        var step = DeployDocSection("## 6. Create the apply environment and set the repository variables");

        step.ShouldContain("gh variable set TACOMAIL_STACK_NAME", Case.Sensitive);
        step.ShouldContain("### The stack follows `aliases/tacomail.yaml`", Case.Sensitive);
        foreach (var action in RolePolicies.Actions(_template, "ApplyRole").Where(a => !a.StartsWith("dynamodb:", StringComparison.Ordinal)))
        {
            // Named in full or, after the first of its service in a cell, without the prefix.
            step.ShouldContain(action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..], Case.Sensitive, action);
        }

        step.ShouldContain("`MailRolesBoundary`", Case.Sensitive);
        step.ShouldContain("`aws:CalledViaFirst`", Case.Sensitive);
        step.ShouldContain("No `iam:PassRole`", Case.Sensitive);
        step.ShouldContain("without `--role-arn`", Case.Sensitive);
    }

    [Fact]
    public void DeployDoc_Updating_AddingADomainIsOnePullRequestBetweenSesAndMx()
    {
        var updating = DeployDocSection("## Updating");

        updating.ShouldContain("**Adding a domain** is one pull request", Case.Sensitive);
        var verify = updating.IndexOf("Verify the domain in SES ([step 1](#1-verify-the-domains-in-ses))", StringComparison.Ordinal);
        var pullRequest = updating.IndexOf("Open the pull request", StringComparison.Ordinal);
        var mx = updating.IndexOf("point its MX records at SES ([step 2](#2-point-the-mx-records-at-ses))", StringComparison.Ordinal);
        verify.ShouldBeGreaterThanOrEqualTo(0);
        pullRequest.ShouldBeGreaterThan(verify);
        mx.ShouldBeGreaterThan(pullRequest, "MX last: until the stack update no receipt rule accepts the domain's mail");
        updating.ShouldContain("**Changing `TableName`**", Case.Sensitive);
        updating.ShouldContain("continue-update-rollback", Case.Sensitive);
    }

    [Fact]
    public void DeployDoc_Step4_PassesTheDerivedParametersOnlyOnTheFirstDeploy()
    {
        var step = DeployDocSection("## 4. Deploy the template");

        step.ShouldContain("$(tacomail stack-parameters)", Case.Sensitive);
        step.ShouldContain("This first deploy is the only time you pass them", Case.Sensitive);
        RepositoryRoot.ReadAllText(DeployDoc).ShouldNotContain("After adding a domain to `aliases/tacomail.yaml`, deploy");
    }
}
