using System.Text.RegularExpressions;
using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>The alarms (issue 10): one SNS topic, e-mailed to AlarmEmail, and what each alarm watches.</summary>
public sealed partial class TemplateTests
{
    private static readonly string[] AlarmIds =
    [
        "DeadLetterAlarm", "DeliveryErrorsAlarm", "FailedMailAlarm", "QueueAgeAlarm", "SesBounceRateAlarm", "SesComplaintRateAlarm",
    ];

    [Fact]
    public void Alarms_All_AreExactlyTheContractAlarms()
    {
        _template.OfType("AWS::CloudWatch::Alarm").ShouldBe(AlarmIds, ignoreOrder: true);
    }

    [Theory]
    [InlineData("DeadLetterAlarm", "AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName=${DeadLetterQueue.QueueName}", "Maximum")]
    [InlineData("DeliveryErrorsAlarm", "AWS/Lambda", "Errors", "FunctionName=${DeliveryFunction}", "Sum")]
    [InlineData("FailedMailAlarm", "TacoMail", "Failed", "", "Sum")]
    [InlineData("QueueAgeAlarm", "TacoMail", "QueueOldestAgeSeconds", "", "Maximum")]
    [InlineData("SesBounceRateAlarm", "AWS/SES", "Reputation.BounceRate", "", "Maximum")]
    [InlineData("SesComplaintRateAlarm", "AWS/SES", "Reputation.ComplaintRate", "", "Maximum")]
    public void Alarm_Metric_IsTheContractMetric(string alarmId, string metricNamespace, string metricName, string dimensions, string statistic)
    {
        var alarm = _template.Properties(alarmId);

        alarm.Text("Namespace").ShouldBe(metricNamespace);
        alarm.Text("MetricName").ShouldBe(metricName);
        alarm.Text("Statistic").ShouldBe(statistic);
        // An alarm watches the metric with exactly these dimensions; none is the metric published
        // with the empty dimension set (TacoMail's own) or account-wide (SES reputation).
        var actual = alarm.Find("Dimensions") is { } list
            ? string.Join(';', ((YamlDotNet.RepresentationModel.YamlSequenceNode)list).Children.Select(d => $"{d.Text("Name")}={IntrinsicText.Render(d.Get("Value"))}"))
            : string.Empty;
        actual.ShouldBe(dimensions);
        alarm.Find("Metrics").ShouldBeNull();
    }

    [Theory]
    [InlineData("DeadLetterAlarm", "GreaterThanThreshold", "0", "300", "notBreaching")]
    [InlineData("DeliveryErrorsAlarm", "GreaterThanThreshold", "0", "300", "notBreaching")]
    [InlineData("FailedMailAlarm", "GreaterThanThreshold", "0", "300", "notBreaching")]
    [InlineData("QueueAgeAlarm", "GreaterThanThreshold", "3600", "300", "notBreaching")]
    [InlineData("SesBounceRateAlarm", "GreaterThanOrEqualToThreshold", "0.05", "3600", "ignore")]
    [InlineData("SesComplaintRateAlarm", "GreaterThanOrEqualToThreshold", "0.001", "3600", "ignore")]
    public void Alarm_Condition_IsTheContractThreshold(string alarmId, string comparison, string threshold, string period, string missingData)
    {
        var alarm = _template.Properties(alarmId);

        alarm.Text("ComparisonOperator").ShouldBe(comparison);
        alarm.Text("Threshold").ShouldBe(threshold);
        alarm.Text("Period").ShouldBe(period);
        alarm.Text("EvaluationPeriods").ShouldBe("1");
        alarm.Text("TreatMissingData").ShouldBe(missingData);
    }

    [Fact]
    public void SesReputationAlarms_Thresholds_AreSesReviewThresholds()
    {
        // SES reviews an account at a 5% bounce rate and a 0.1% complaint rate (and may pause it
        // at 10% and 0.5%): the alarms must fire no later than the review.
        decimal Threshold(string id) => decimal.Parse(_template.Properties(id).Text("Threshold"), System.Globalization.CultureInfo.InvariantCulture);

        Threshold("SesBounceRateAlarm").ShouldBe(0.05m);
        Threshold("SesComplaintRateAlarm").ShouldBe(0.001m);
    }

    [Fact]
    public void Alarms_All_NotifyTheAlarmTopicOnAlarmAndRecovery()
    {
        foreach (var id in AlarmIds)
        {
            var alarm = _template.Properties(id);
            IntrinsicText.RenderAll(alarm.Get("AlarmActions")).ShouldBe(["${AlarmTopic}"], id);
            IntrinsicText.RenderAll(alarm.Get("OKActions")).ShouldBe(["${AlarmTopic}"], id);
            alarm.Find("InsufficientDataActions").ShouldBeNull(id);
        }
    }

    [Fact]
    public void Alarms_Names_AreTheStackNameAndAKebabSuffix()
    {
        var names = AlarmIds.Select(id => IntrinsicText.Render(_template.Properties(id).Get("AlarmName"))).ToList();

        names.ShouldBe(
            [
                "${AWS::StackName}-dead-letters", "${AWS::StackName}-delivery-errors", "${AWS::StackName}-failed-mail",
                "${AWS::StackName}-queue-age", "${AWS::StackName}-ses-bounce-rate", "${AWS::StackName}-ses-complaint-rate",
            ]);
    }

    [Fact]
    public void FailedMailAlarm_Comment_ExplainsTheEmptyDimensionSet()
    {
        // The Lambda writes Failed with the dimension sets [Domain] and []; the alarm relies on the second.
        var text = RepositoryRoot.ReadAllText(CloudFormationTemplate.RelativePath);

        text.ShouldContain("[Domain] and [] (none)", Case.Sensitive);
        text.ShouldContain("SEARCH expression cannot drive an alarm", Case.Sensitive);
    }

    [Fact]
    public void AlarmTopic_Subscription_IsTheAlarmEmailOnlyWhenGiven()
    {
        _template.OfType("AWS::SNS::Topic").ShouldBe(["AlarmTopic"]);
        _template.OfType("AWS::SNS::Subscription").ShouldBe(["AlarmEmailSubscription"]);
        var subscription = _template.Resource("AlarmEmailSubscription");

        subscription.Text("Condition").ShouldBe("HasAlarmEmail");
        var properties = subscription.Mapping("Properties");
        properties.Text("Protocol").ShouldBe("email");
        IntrinsicText.Render(properties.Get("Endpoint")).ShouldBe("${AlarmEmail}");
        IntrinsicText.Render(properties.Get("TopicArn")).ShouldBe("${AlarmTopic}");
        var equals = _template.Root.Mapping("Conditions").Get("HasAlarmEmail")
            .Sequence("Fn::Not").Children.ShouldHaveSingleItem().Sequence("Fn::Equals").Children;
        IntrinsicText.Render(equals[0]).ShouldBe("${AlarmEmail}");
        equals[1].Text().ShouldBe(string.Empty);
    }

    [Fact]
    public void AlarmEmail_Parameter_IsOptionalAndInItsOwnGroup()
    {
        var parameter = _template.Root.Mapping("Parameters").Mapping("AlarmEmail");

        parameter.Text("Type").ShouldBe("String");
        parameter.Text("Default").ShouldBe(string.Empty);
        parameter.Text("Description").ShouldContain("confirm");
        ParameterGroups().Single(g => g.Label == "Alarms").Parameters.ShouldBe(["AlarmEmail"]);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("ops@example.net", true)]
    [InlineData("ops+tacomail@mail.example.org", true)]
    [InlineData("ops", false)]
    [InlineData("ops @example.net", false)]
    [InlineData("a@b@c", false)]
    public void AlarmEmail_AllowedPattern_AcceptsEmptyOrOneAddress(string value, bool allowed)
    {
        // CloudFormation matches AllowedPattern against the whole value.
        var pattern = _template.Root.Mapping("Parameters").Mapping("AlarmEmail").Text("AllowedPattern");

        Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)).ShouldBe(allowed);
    }
}
