using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TacoMail.Deployment.Tests.Template;
using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Workflows;

/// <summary>
/// The apply job brings the stack's DomainNames in line with aliases/tacomail.yaml after the table
/// apply (issue 13, point 6): the step's place in the job, and .github/scripts/update-stack.sh, read
/// and run against a fake aws CLI.
/// </summary>
public sealed partial class WorkflowContractTests
{
    private const string StackStepRun = "bash " + UpdateStackRun.ScriptPath + " aliases 2>&1 | tee stack.log";

    private static readonly (string Key, string Value)[] DeployedParameters =
    [
        ("DomainNames", "example.com"),
        ("IncomingRetentionDays", "30"),
        ("ArtifactBucket", "my-artifacts"),
        ("ArtifactKey", "tacomail/bootstrap-abc1234.zip"),
        ("TableName", "tacomail"),
        ("CreateTable", "true"),
        ("RuleSetName", "tacomail"),
        ("CreateRuleSet", "true"),
        ("RuleAfter", string.Empty),
        ("TlsPolicy", "Require"),
        ("GitHubRepository", "OWNER/NAME"),
        ("ApplyEnvironment", "tacomail-apply"),
        ("GitHubOidcProviderArn", string.Empty),
        ("AlarmEmail", "ops@example.net"),
    ];

    private readonly string _script = RepositoryRoot.ReadAllText(UpdateStackRun.ScriptPath).ReplaceLineEndings("\n");

    [Fact]
    public void ApplyWorkflow_StackStep_ComesRightAfterTheApplyAndRunsOnlyOnItsSuccess()
    {
        // The table first: a new domain's aliases exist before the receipt rule accepts its mail.
        var steps = _apply.Steps("apply");
        var apply = IndexOf(steps, s => RunText(s).Contains("tacomail apply", StringComparison.Ordinal));
        var stack = IndexOf(steps, s => s.Find("id")?.Text() == "stack");

        stack.ShouldBe(apply + 1);
        steps[apply].Text("id").ShouldBe("apply");
        // No status function: GitHub adds success(), so every earlier step (the tip-of-main check
        // included) succeeded too.
        steps[stack].Text("if").ShouldBe("steps.apply.outcome == 'success'");
        IndexOf(steps, s => s.Find("uses")?.Text().StartsWith(GitHubScript + "@", StringComparison.Ordinal) == true).ShouldBeGreaterThan(stack, "the report comes after it and tells its outcome");
    }

    [Fact]
    public void ApplyWorkflow_StackStep_RunsTheScriptWithTheApplyRoleAndNoNewPermission()
    {
        var step = StackStep();

        step.Text("run").ShouldBe(StackStepRun);
        step.Find("uses").ShouldBeNull();
        step.Mapping("env").Entries().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Key.ShouldBe("TACOMAIL_STACK_NAME"),
            e => e.Value.Text().ShouldBe("${{ vars.TACOMAIL_STACK_NAME }}"));
        // The same job, environment and credentials as the apply: no second role, no new scope.
        _apply.JobIds.ShouldBe(["apply"]);
        _apply.StepsUsing("apply", ConfigureAwsCredentials).ShouldHaveSingleItem();
        PermissionList(_apply.Job("apply")).ShouldBe(["contents: read", "id-token: write", "pull-requests: write"], ignoreOrder: true);
        _apply.Job("apply").Text("environment").ShouldBe("tacomail-apply");
    }

    [Fact]
    public void ApplyWorkflow_Trigger_CoversTacomailYaml()
    {
        // DomainNames is derived from aliases/tacomail.yaml, which aliases/** covers.
        File.Exists(RepositoryRoot.PathOf("aliases/tacomail.yaml")).ShouldBeTrue();
        _apply.Root.Mapping("on").Mapping("push").Get("paths").Texts().ShouldContain("aliases/**");
    }

    [Fact]
    public void ApplyWorkflow_Header_DocumentsTheStackNameVariable()
    {
        var header = string.Join(' ', _apply.Lines.TakeWhile(l => l.StartsWith('#')));

        header.ShouldContain("TACOMAIL_STACK_NAME");
        header.ShouldContain("adding a domain is one pull");
    }

    [Fact]
    public void ApplyWorkflow_Report_TellsTheStackOutcomeAndItsResultLines()
    {
        var report = _apply.StepsUsing("apply", GitHubScript).ShouldHaveSingleItem();
        var script = report.Mapping("with").Text("script");

        report.Mapping("env").Text("STACK_OUTCOME").ShouldBe("${{ steps.stack.outcome }}");
        script.ShouldContain("fs.readFileSync('stack.log', 'utf8')");
        script.ShouldContain("process.env.STACK_OUTCOME === 'failure'");
        script.ShouldContain("|Stack:)/.test(l)");
    }

    [Fact]
    public void UpdateStackScript_ChangeSet_ReusesThePreviousTemplateWithCapabilityIamOnly()
    {
        var create = ScriptCommand("aws cloudformation create-change-set");

        create.ShouldContain("--use-previous-template");
        create.ShouldContain("--change-set-type UPDATE");
        create.ShouldContain("--parameters \"file://$parameters\"");
        create.ShouldContain("--capabilities CAPABILITY_IAM");
        _script.ShouldNotContain("CAPABILITY_NAMED_IAM");
        _script.ShouldNotContain("--template-body");
        _script.ShouldNotContain("--template-url");
        _script.ShouldNotContain("--role-arn");
        _script.ShouldNotContain("update-stack ");
        _script.ShouldNotContain("cloudformation deploy");
    }

    [Fact]
    public void UpdateStackScript_DomainNames_ComeFromTacomailStackParameters()
    {
        _script.ShouldContain("derived=\"$(tacomail stack-parameters --config \"$config\" --format json)\"");
        _script.ShouldStartWith("#!/usr/bin/env bash\n");
        _script.ShouldContain("\nset -euo pipefail\n");
    }

    [Fact]
    public void UpdateStackScript_TheResourcesItMayChange_AreTheOnesDomainNamesReaches()
    {
        var list = FollowsDomainNames().Match(_script);
        list.Success.ShouldBeTrue("update-stack.sh declares follows_domain_names='[…]'");

        var allowed = JsonSerializer.Deserialize<string[]>(list.Groups[1].Value)!;

        allowed.ShouldBe(ParameterReferences.Resources(CloudFormationTemplate.Load(), "DomainNames"));
    }

    [Fact]
    public void UpdateStackScript_WithoutAStackName_ChangesNothingAndSaysHowToEnableIt()
    {
        using var run = new UpdateStackRun();

        var result = run.Run(stackName: null);

        result.ExitCode.ShouldBe(0);
        result.Calls.ShouldBeEmpty();
        result.Output.ShouldContain("::notice::");
        result.Output.ShouldContain("TACOMAIL_STACK_NAME");
        result.Output.ShouldContain("docs/deploy.md step 6");
        result.ResultLines.ShouldBe(["Stack: not updated: TACOMAIL_STACK_NAME is not set."]);
    }

    [Fact]
    public void UpdateStackScript_SameDomainNames_ReadsTheStackAndChangesNothing()
    {
        using var run = new UpdateStackRun().Stack("UPDATE_COMPLETE", DeployedParameters).Derived("example.com", "tacomail");

        var result = run.Run("tacomail");

        result.ExitCode.ShouldBe(0, result.Output);
        result.Calls.ShouldContain("tacomail stack-parameters --config aliases --format json");
        result.AwsCommands.ShouldBe(["describe-stacks"]);
        result.ResultLines.ShouldBe(["Stack: tacomail is up to date: DomainNames=example.com."]);
    }

    [Fact]
    public void UpdateStackScript_NewDomain_DerivedDomainNamesAndEveryOtherParameterAtItsPreviousValue()
    {
        using var run = new UpdateStackRun()
            .Stack("UPDATE_COMPLETE", DeployedParameters)
            .Derived("example.com,mail.example.org", "tacomail")
            .Changes(
                ("Modify", "ReceiptRule", "AWS::SES::ReceiptRule", "False"),
                ("Modify", "DispositionRole", "AWS::IAM::Role", "False"),
                ("Modify", "DeliveryRole", "AWS::IAM::Role", "False"));

        var result = run.Run("tacomail");

        result.ExitCode.ShouldBe(0, result.Output);
        // Left out, a parameter would go back to its default (TlsPolicy to Optional, AlarmEmail to nobody).
        var expected = new JsonArray([.. DeployedParameters.Select(p => (JsonNode)(p.Key == "DomainNames"
            ? new JsonObject { ["ParameterKey"] = p.Key, ["ParameterValue"] = "example.com,mail.example.org" }
            : new JsonObject { ["ParameterKey"] = p.Key, ["UsePreviousValue"] = true }))]);
        JsonNode.DeepEquals(result.Parameters, expected).ShouldBeTrue(result.Parameters?.ToJsonString());
        result.AwsCommands.ShouldBe(
        [
            "describe-stacks",
            "create-change-set",
            "wait change-set-create-complete",
            "describe-change-set",
            "execute-change-set",
            "wait stack-update-complete",
        ]);
        result.Calls.Single(c => c.StartsWith("cloudformation create-change-set", StringComparison.Ordinal))
            .ShouldContain("--change-set-name tacomail-domains-4242-2");
        result.Output.ShouldContain("Modify ReceiptRule (AWS::SES::ReceiptRule), replacement: False");
        result.ResultLines.ShouldBe(["Stack: tacomail updated: DomainNames=example.com,mail.example.org (was example.com)."]);
    }

    [Fact]
    public void UpdateStackScript_OtherTableName_IsRefusedBeforeAnyChangeSet()
    {
        using var run = new UpdateStackRun().Stack("UPDATE_COMPLETE", DeployedParameters).Derived("example.com,mail.example.org", "mail-prod");

        var result = run.Run("tacomail");

        result.ExitCode.ShouldBe(1);
        result.AwsCommands.ShouldBe(["describe-stacks"]);
        var error = result.Output.Split('\n').Where(l => l.StartsWith("::error::", StringComparison.Ordinal)).ShouldHaveSingleItem();
        error.ShouldContain("names the table mail-prod");
        error.ShouldContain("TableName=tacomail");
        error.ShouldContain("by hand");
        error.ShouldContain("docs/deploy.md");
        result.ResultLines.ShouldBe(["Stack: not updated: TableName tacomail -> mail-prod is deployed by hand only (docs/deploy.md)."]);
    }

    [Fact]
    public void UpdateStackScript_ChangeSetWithoutChanges_IsDeletedAndNothingExecuted()
    {
        using var run = new UpdateStackRun()
            .Stack("UPDATE_COMPLETE", DeployedParameters)
            .Derived("EXAMPLE.com", "tacomail")
            .ChangeSetFails("The submitted information didn't contain changes. Submit different information to create a change set.");

        var result = run.Run("tacomail");

        result.ExitCode.ShouldBe(0, result.Output);
        result.AwsCommands.ShouldBe(["describe-stacks", "create-change-set", "wait change-set-create-complete", "describe-change-set", "delete-change-set"]);
        result.ResultLines.ShouldHaveSingleItem().ShouldContain("is up to date");
    }

    [Fact]
    public void UpdateStackScript_FailedChangeSet_IsDeletedAndFailsTheStep()
    {
        using var run = new UpdateStackRun()
            .Stack("UPDATE_COMPLETE", DeployedParameters)
            .Derived("example.com,mail.example.org", "tacomail")
            .ChangeSetFails("Parameter 'Foo' does not exist");

        var result = run.Run("tacomail");

        result.ExitCode.ShouldBe(1);
        result.AwsCommands.ShouldNotContain("execute-change-set");
        result.AwsCommands.ShouldContain("delete-change-set");
        result.Output.ShouldContain("::error::The change set for tacomail failed: Parameter 'Foo' does not exist");
    }

    [Theory]
    [InlineData("Modify", "ReceiptRule", "True")]
    [InlineData("Modify", "ReceiptRule", "Conditional")]
    [InlineData("Modify", "DeliveryFunction", "False")]
    [InlineData("Add", "SomethingNew", "False")]
    [InlineData("Remove", "Table", "False")]
    public void UpdateStackScript_ChangeBeyondTheResourcesDomainNamesReaches_IsNeverExecuted(string action, string logicalId, string replacement)
    {
        // The deployed template is not the one this workflow expects: a person deploys it.
        using var run = new UpdateStackRun()
            .Stack("UPDATE_COMPLETE", DeployedParameters)
            .Derived("example.com,mail.example.org", "tacomail")
            .Changes(("Modify", "DispositionRole", "AWS::IAM::Role", "False"), (action, logicalId, "AWS::Some::Thing", replacement));

        var result = run.Run("tacomail");

        result.ExitCode.ShouldBe(1);
        result.AwsCommands.ShouldNotContain("execute-change-set");
        result.AwsCommands[^1].ShouldBe("delete-change-set");
        result.Output.ShouldContain($"::error::The change set for tacomail would also do: {action} {logicalId}.");
    }

    [Fact]
    public void UpdateStackScript_FailedUpdate_ShowsTheFailedEventsAndFailsTheStep()
    {
        using var run = new UpdateStackRun()
            .Stack("UPDATE_COMPLETE", DeployedParameters)
            .Derived("example.com,mail.example.org", "tacomail")
            .Changes(("Modify", "ReceiptRule", "AWS::SES::ReceiptRule", "False"))
            .UpdateFails();

        var result = run.Run("tacomail");

        result.ExitCode.ShouldBe(1);
        result.AwsCommands.ShouldContain("describe-stack-events");
        result.Output.ShouldContain("ReceiptRule UPDATE_FAILED: Access denied");
        result.Output.ShouldContain("continue the rollback");
        result.ResultLines.ShouldHaveSingleItem().ShouldStartWith("Stack: not updated:");
    }

    [Theory]
    [InlineData("UPDATE_IN_PROGRESS", "another operation is running")]
    [InlineData("UPDATE_ROLLBACK_FAILED", "cannot be updated")]
    [InlineData("ROLLBACK_COMPLETE", "cannot be updated")]
    public void UpdateStackScript_StackNotReady_FailsBeforeAnyChangeSet(string status, string says)
    {
        using var run = new UpdateStackRun().Stack(status, DeployedParameters).Derived("example.com,mail.example.org", "tacomail");

        var result = run.Run("tacomail");

        result.ExitCode.ShouldBe(1);
        result.AwsCommands.ShouldBe(["describe-stacks"]);
        result.Output.ShouldContain(says);
    }

    [Fact]
    public void UpdateStackScript_StackWithoutDomainNames_IsNotATacoMailStack()
    {
        using var run = new UpdateStackRun().Stack("CREATE_COMPLETE", ("VpcId", "vpc-1")).Derived("example.com", "tacomail");

        var result = run.Run("other-stack");

        result.ExitCode.ShouldBe(1);
        result.AwsCommands.ShouldBe(["describe-stacks"]);
        result.Output.ShouldContain("is TACOMAIL_STACK_NAME the TacoMail stack?");
    }

    private YamlMappingNode StackStep() => _apply.Steps("apply").Single(s => s.Find("id")?.Text() == "stack");

    /// <summary>The script's command that starts with <paramref name="start"/>, its continuation lines joined.</summary>
    private string ScriptCommand(string start)
    {
        var lines = _script.Split('\n');
        var first = Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        first.ShouldBeGreaterThanOrEqualTo(0, $"update-stack.sh has no line starting '{start}'");
        var command = new List<string>();
        for (var i = first; i < lines.Length; i++)
        {
            command.Add(lines[i].TrimEnd('\\').Trim());
            if (!lines[i].EndsWith('\\'))
            {
                break;
            }
        }

        return string.Join(' ', command);
    }

    [GeneratedRegex(@"^follows_domain_names='(\[[^']*\])'$", RegexOptions.Multiline)]
    private static partial Regex FollowsDomainNames();
}
