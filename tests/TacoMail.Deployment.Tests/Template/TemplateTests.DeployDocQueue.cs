using System.Text.RegularExpressions;
using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>docs/deploy.md describes the delivery queue, the alarms and the dead letters of the template.</summary>
public sealed partial class TemplateTests
{
    [Fact]
    public void DeployDoc_Queue_ExplainsTheLayoutTheRetriesAndGivingUp()
    {
        var section = DeployDocSection("## The delivery queue");

        section.ShouldContain("`incoming/<messageId>`", Case.Sensitive);
        section.ShouldContain("`queue/<messageId>.json`", Case.Sensitive);
        section.ShouldContain("`failed/<messageId>`, `failed/<messageId>.json`", Case.Sensitive);
        section.ShouldContain("`tacomail-state=finished`", Case.Sensitive);
        section.ShouldContain("Every 5 minutes", Case.Sensitive);
        section.ShouldContain("`queue_lifetime` in `aliases/tacomail.yaml`, default `5d`", Case.Sensitive);
        section.ShouldContain("[What is bounced, to whom, and why](#what-is-bounced-to-whom-and-why)", Case.Sensitive);
        section.ShouldContain("move to `failed/`", Case.Sensitive);
        section.ShouldContain("update-time-to-live", Case.Sensitive);
        section.ShouldContain("AttributeName=expires_at", Case.Sensitive);
    }

    [Fact]
    public void DeployDoc_QueueCommand_HasTheContractOptions()
    {
        var section = DeployDocSection("### `tacomail queue`");

        foreach (var option in new[] { "`--retry ID`", "`--discard ID`", "--format json", "`--bucket NAME` | `TACOMAIL_MAIL_BUCKET`", "`--endpoint-s3 URL` | `AWS_ENDPOINT_URL_S3`" })
        {
            section.ShouldContain(option, Case.Sensitive);
        }
    }

    [Fact]
    public void DeployDoc_Alarms_NameEveryAlarmOfTheTemplate()
    {
        var section = DeployDocSection("## Alarms");

        foreach (var id in _template.OfType("AWS::CloudWatch::Alarm"))
        {
            var suffix = IntrinsicText.Render(_template.Properties(id).Get("AlarmName")).Replace("${AWS::StackName}", "<stack>", StringComparison.Ordinal);
            section.ShouldContain($"| `{suffix}` |", Case.Sensitive, customMessage: id);
        }

        section.ShouldContain("Confirm subscription", Case.Sensitive);
        section.ShouldContain("`AlarmEmail`", Case.Sensitive);
        section.ShouldContain("`AlarmTopicArn`", Case.Sensitive);
    }

    [Fact]
    public void DeployDoc_DeadLetters_ShowHowToRedriveWithTheStackOutputs()
    {
        var section = DeployDocSection("## Dead letters");
        var outputs = _template.Root.Mapping("Outputs").Keys();

        foreach (var output in new[] { "DeadLetterQueueUrl", "DeliveryFunctionName" })
        {
            outputs.ShouldContain(output);
            section.ShouldContain($"OutputKey=='{output}'", Case.Sensitive);
        }

        section.ShouldContain(".requestPayload", Case.Sensitive);
        section.ShouldContain("--invocation-type Event", Case.Sensitive);
        section.ShouldContain("aws sqs delete-message", Case.Sensitive);
        section.ShouldContain("retries it twice", Case.Sensitive);
    }

    [Fact]
    public void DeployDoc_ResourceTable_ListsTheScheduleTheDeadLetterQueueAndTheAlarms()
    {
        var text = RepositoryRoot.ReadAllText(DeployDoc).ReplaceLineEndings("\n");

        text.ShouldContain("| delivery schedule |", Case.Sensitive);
        text.ShouldContain("| dead-letter queue |", Case.Sensitive);
        text.ShouldContain("| alarms |", Case.Sensitive);
        text.ShouldNotContain("(expires after 30 days)");
    }

    /// <summary>The text of the section under <paramref name="heading"/>, up to the next heading of the same or a higher level.</summary>
    private static string DeployDocSection(string heading)
    {
        var lines = RepositoryRoot.ReadAllText(DeployDoc).ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, heading);
        start.ShouldBeGreaterThanOrEqualTo(0, $"{DeployDoc} has no heading '{heading}'");
        var level = heading.IndexOf(' ', StringComparison.Ordinal);
        var inCode = false;
        var section = new List<string>();
        foreach (var line in lines.Skip(start + 1))
        {
            inCode ^= line.StartsWith("```", StringComparison.Ordinal);
            var hashes = line.TakeWhile(c => c == '#').Count();
            if (!inCode && hashes > 0 && hashes <= level && line.Length > hashes && line[hashes] == ' ')
            {
                break;
            }

            section.Add(line);
        }

        // Whitespace, line breaks and indentation included, reads as one space: prose wraps anywhere.
        return WhitespaceRun().Replace(string.Join('\n', section), " ");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();
}
