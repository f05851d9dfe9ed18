using TacoMail.Deployment.Tests.Yaml;
using TacoMail.Schema.Table;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>The delivery queue (issue 10): bucket layout, lifecycle, claims, schedule, retries and dead letters.</summary>
public sealed partial class TemplateTests
{
    private const string FinishedIncomingRule = "expire-finished-incoming";
    private const string AbortUploadsRule = "abort-incomplete-uploads";

    private static readonly string[] ClaimActions = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:DeleteItem"];

    [Fact]
    public void MailBucket_Lifecycle_ExpiresOnlyIncomingMailTaggedFinished()
    {
        var rule = LifecycleRules().Single(r => r.Text("Id") == FinishedIncomingRule);

        rule.Text("Status").ShouldBe("Enabled");
        // CloudFormation's lifecycle Rule has no Filter property: Prefix and TagFilters together
        // become the Filter And { Prefix, Tag } of the bucket's lifecycle configuration.
        rule.Text("Prefix").ShouldBe(IncomingPrefix);
        rule.Sequence("TagFilters").Children.Select(t => $"{t.Text("Key")}={t.Text("Value")}").ShouldBe(["tacomail-state=finished"]);
        IntrinsicText.Render(rule.Get("ExpirationInDays")).ShouldBe("${IncomingRetentionDays}");
        rule.Keys().ShouldBe(["Id", "Status", "Prefix", "TagFilters", "ExpirationInDays"], ignoreOrder: true);
    }

    [Fact]
    public void MailBucket_Lifecycle_IsTheFinishedIncomingExpiryAndTheUploadCleanupOnly()
    {
        var rules = LifecycleRules();

        rules.Select(r => r.Text("Id")).ShouldBe([FinishedIncomingRule, AbortUploadsRule], ignoreOrder: true);
        var abort = rules.Single(r => r.Text("Id") == AbortUploadsRule);
        abort.Keys().ShouldBe(["Id", "Status", "AbortIncompleteMultipartUpload"], ignoreOrder: true);
        abort.Text("Status").ShouldBe("Enabled");
        abort.Mapping("AbortIncompleteMultipartUpload").Text("DaysAfterInitiation").ShouldBe("1");
    }

    [Fact]
    public void MailBucket_Lifecycle_EveryExpiringRuleNeedsTheFinishedTag()
    {
        // A rule that expires objects without the tag would reach queued mail, and one without a
        // prefix the whole bucket: queue/ and failed/ included.
        var expiring = LifecycleRules()
            .Where(r => r.Keys().Any(k => k.StartsWith("Expiration", StringComparison.Ordinal) || k.Contains("Transition", StringComparison.Ordinal) || k.StartsWith("Noncurrent", StringComparison.Ordinal)))
            .ToList();

        expiring.ShouldNotBeEmpty();
        expiring.ShouldAllBe(r => r.Find("Prefix") != null && r.Find("TagFilters") != null);
        foreach (var rule in expiring)
        {
            rule.Text("Prefix").ShouldBe(IncomingPrefix);
            rule.Sequence("TagFilters").Children.Select(t => $"{t.Text("Key")}={t.Text("Value")}").ShouldContain("tacomail-state=finished");
        }
    }

    [Fact]
    public void IncomingRetentionDays_Description_SaysOnlyFinishedMailExpires()
    {
        var parameter = _template.Root.Mapping("Parameters").Mapping("IncomingRetentionDays");

        parameter.Text("Type").ShouldBe("Number");
        parameter.Text("Default").ShouldBe("30");
        parameter.Text("MinValue").ShouldBe("1");
        parameter.Text("Description").ShouldContain("tacomail-state=finished");
        parameter.Text("Description").ShouldContain("never expires");
    }

    [Fact]
    public void Table_TimeToLive_IsExpiresAtForTheDeliveryClaims()
    {
        var ttl = _template.Properties("Table").Mapping("TimeToLiveSpecification");

        ttl.Keys().ShouldBe(["AttributeName", "Enabled"], ignoreOrder: true);
        ttl.Text("AttributeName").ShouldBe("expires_at");
        ttl.Text("Enabled").ShouldBe("true");
    }

    [Fact]
    public void DeliveryRole_KeepTheQueue_ReadsWritesAndDeletesUnderQueueAndFailedOnly()
    {
        var statement = PolicyStatementOf("DeliveryRole", "KeepTheQueue");

        statement.Effect.ShouldBe("Allow");
        statement.Actions.ShouldBe(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], ignoreOrder: true);
        statement.Resources.ShouldBe(["${MailBucket.Arn}/" + QueuePrefix + "*", "${MailBucket.Arn}/" + FailedPrefix + "*"], ignoreOrder: true);
        statement.Condition.ShouldBeNull();
    }

    [Fact]
    public void DeliveryRole_TagFailedMail_TagsUnderFailedOnly()
    {
        var statement = PolicyStatementOf("DeliveryRole", "TagFailedMail");

        statement.Effect.ShouldBe("Allow");
        statement.Actions.ShouldBe(["s3:GetObjectTagging", "s3:PutObjectTagging"], ignoreOrder: true);
        statement.Resources.ShouldBe(["${MailBucket.Arn}/" + FailedPrefix + "*"]);
    }

    [Fact]
    public void DeliveryRole_ListTheQueue_ListsOnlyTheQueueAndFailedPrefixes()
    {
        var statement = PolicyStatementOf("DeliveryRole", "ListTheQueue");

        statement.Effect.ShouldBe("Allow");
        statement.Actions.ShouldBe(["s3:ListBucket"]);
        statement.Resources.ShouldBe(["${MailBucket.Arn}"]);
        statement.Condition!.Keys().ShouldBe(["StringLike"]);
        var like = statement.Condition!.Mapping("StringLike");
        like.Keys().ShouldBe(["s3:prefix"]);
        like.Get("s3:prefix").Texts().ShouldBe(["queue/", "queue/*", "failed/", "failed/*"], ignoreOrder: true);
    }

    [Fact]
    public void DeliveryRole_ListBucket_IsGrantedOnlyWithThePrefixCondition()
    {
        RolePolicies.Statements(_template, "DeliveryRole").Where(s => s.Actions.Contains("s3:ListBucket"))
            .Select(s => s.Sid).ShouldBe(["ListTheQueue"]);
        RolePolicies.Actions(_template, "DispositionRole").ShouldNotContain("s3:ListBucket");
    }

    [Fact]
    public void DeliveryRole_ClaimDeliveries_TouchesOnlyTheDeliveryPartition()
    {
        var statement = PolicyStatementOf("DeliveryRole", "ClaimDeliveries");

        statement.Effect.ShouldBe("Allow");
        statement.Actions.ShouldBe(ClaimActions, ignoreOrder: true);
        statement.Resources.ShouldBe([TableArn]);
        statement.Condition!.Keys().ShouldBe(["ForAllValues:StringEquals"]);
        var equals = statement.Condition!.Mapping("ForAllValues:StringEquals");
        equals.Keys().ShouldBe(["dynamodb:LeadingKeys"]);
        equals.Get("dynamodb:LeadingKeys").Texts().ShouldBe([DeliveryPartition]);
    }

    [Fact]
    public void DeliveryRole_TableWrites_AreOnlyTheConditionedClaims()
    {
        // Aliases, the settings item and the lock stay out of the delivery's reach: every Allow of
        // an item write is the claims statement, and no batch write is allowed at all.
        var writers = RolePolicies.Statements(_template, "DeliveryRole")
            .Where(s => s.Effect == "Allow" && s.Actions.Any(a => TableItemWrites.Contains(a)))
            .ToList();

        writers.Select(s => s.Sid).ShouldBe(["ClaimDeliveries", "KeepReverseAliases"]);
        RolePolicies.Actions(_template, "DeliveryRole").ShouldNotContain("dynamodb:BatchWriteItem");
    }

    [Fact]
    public void DeliveryRole_KeepReverseAliases_TouchesOnlyTheReversePartition()
    {
        var statement = PolicyStatementOf("DeliveryRole", "KeepReverseAliases");

        statement.Effect.ShouldBe("Allow");
        statement.Actions.ShouldBe(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem"], ignoreOrder: true);
        statement.Resources.ShouldBe([TableArn]);
        statement.Condition!.Keys().ShouldBe(["ForAllValues:StringEquals"]);
        var equals = statement.Condition!.Mapping("ForAllValues:StringEquals");
        equals.Keys().ShouldBe(["dynamodb:LeadingKeys"]);
        equals.Get("dynamodb:LeadingKeys").Texts().ShouldBe([TableContract.ReversePartition]);
    }

    [Fact]
    public void DeliveryRole_RecheckAliases_StaysReadOnlyOnTheTable()
    {
        var statement = PolicyStatementOf("DeliveryRole", "RecheckAliases");

        statement.Actions.ShouldBe(["dynamodb:GetItem", "dynamodb:BatchGetItem"], ignoreOrder: true);
        statement.Resources.ShouldBe([TableArn]);
        statement.Condition.ShouldBeNull();
    }

    [Fact]
    public void DispositionRole_MailPathPartitions_AreDeniedToEveryItemWrite()
    {
        var deny = PolicyStatementOf("DispositionRole", "NeverWriteTheMailPathPartitions");

        deny.Effect.ShouldBe("Deny");
        deny.Actions.ShouldBe(TableItemWrites, ignoreOrder: true);
        deny.Resources.ShouldBe([TableArn]);
        deny.Condition!.Keys().ShouldBe(["ForAnyValue:StringEquals"]);
        var equals = deny.Condition!.Mapping("ForAnyValue:StringEquals");
        equals.Keys().ShouldBe(["dynamodb:LeadingKeys"]);
        equals.Get("dynamodb:LeadingKeys").Texts().ShouldBe([DeliveryPartition, TableContract.ReversePartition]);
    }

    [Fact]
    public void DeliveryRole_SendDeadLetters_OnlyToTheDeadLetterQueue()
    {
        // Lambda sends to an on-failure destination with the function's execution role.
        var sqs = RolePolicies.Statements(_template, "DeliveryRole")
            .Where(s => s.Actions.Any(a => a.StartsWith("sqs:", StringComparison.Ordinal)))
            .ShouldHaveSingleItem();

        sqs.Sid.ShouldBe("SendDeadLetters");
        sqs.Effect.ShouldBe("Allow");
        sqs.Actions.ShouldBe(["sqs:SendMessage"]);
        sqs.Resources.ShouldBe(["${DeadLetterQueue.Arn}"]);
        RolePolicies.Actions(_template, "DispositionRole").ShouldNotContain(a => a.StartsWith("sqs:", StringComparison.Ordinal));
    }

    [Fact]
    public void DeadLetterQueue_Properties_KeepRecordsFourteenDaysEncrypted()
    {
        _template.OfType("AWS::SQS::Queue").ShouldBe(["DeadLetterQueue"]);
        var queue = _template.Properties("DeadLetterQueue");

        queue.Text("MessageRetentionPeriod").ShouldBe((14 * 24 * 3600).ToString(System.Globalization.CultureInfo.InvariantCulture));
        queue.Text("SqsManagedSseEnabled").ShouldBe("true");
        // Lambda destinations must be standard queues.
        queue.Find("FifoQueue").ShouldBeNull();
    }

    [Fact]
    public void DeliveryEventInvokeConfig_RetriesTwiceThenSendsToTheDeadLetterQueue()
    {
        _template.OfType("AWS::Lambda::EventInvokeConfig").ShouldBe(["DeliveryEventInvokeConfig"]);
        var config = _template.Properties("DeliveryEventInvokeConfig");

        IntrinsicText.Render(config.Get("FunctionName")).ShouldBe("${DeliveryFunction}");
        config.Text("Qualifier").ShouldBe("$LATEST");
        config.Text("MaximumRetryAttempts").ShouldBe("2");
        config.Mapping("DestinationConfig").Keys().ShouldBe(["OnFailure"]);
        IntrinsicText.Render(config.Mapping("DestinationConfig").Mapping("OnFailure").Get("Destination")).ShouldBe("${DeadLetterQueue.Arn}");
    }

    [Fact]
    public void DeliverySchedule_EveryFiveMinutes_InvokesTheDeliveryFunction()
    {
        _template.OfType("AWS::Events::Rule").ShouldBe(["DeliverySchedule"]);
        var rule = _template.Properties("DeliverySchedule");

        rule.Text("ScheduleExpression").ShouldBe("rate(5 minutes)");
        rule.Text("State").ShouldBe("ENABLED");
        rule.Find("EventPattern").ShouldBeNull();
        var target = rule.Sequence("Targets").Children.ShouldHaveSingleItem();
        IntrinsicText.Render(target.Get("Arn")).ShouldBe("${DeliveryFunction.Arn}");
        // The function receives EventBridge's own scheduled event, unchanged.
        target.Keys().ShouldBe(["Id", "Arn"], ignoreOrder: true);
    }

    [Fact]
    public void DeliveryScheduleInvokePermission_LetsOnlyTheScheduleInvoke()
    {
        var permission = _template.Properties("DeliveryScheduleInvokePermission");

        IntrinsicText.Render(permission.Get("FunctionName")).ShouldBe("${DeliveryFunction}");
        permission.Text("Action").ShouldBe("lambda:InvokeFunction");
        permission.Text("Principal").ShouldBe("events.amazonaws.com");
        IntrinsicText.Render(permission.Get("SourceArn")).ShouldBe("${DeliverySchedule.Arn}");
    }

    [Fact]
    public void InvokePermissions_All_AreTheReceiptRuleAndTheSchedule()
    {
        _template.OfType("AWS::Lambda::Permission").ShouldBe(
            ["DispositionInvokePermission", "DeliveryInvokePermission", "DeliveryScheduleInvokePermission"],
            ignoreOrder: true);
    }

    [Fact]
    public void Outputs_Include_TheDeadLetterQueueTheAlarmTopicAndTheDeliveryFunction()
    {
        var outputs = _template.Root.Mapping("Outputs");

        IntrinsicText.Render(outputs.Mapping("DeadLetterQueueUrl").Get("Value")).ShouldBe("${DeadLetterQueue}");
        IntrinsicText.Render(outputs.Mapping("AlarmTopicArn").Get("Value")).ShouldBe("${AlarmTopic}");
        IntrinsicText.Render(outputs.Mapping("DeliveryFunctionName").Get("Value")).ShouldBe("${DeliveryFunction}");
    }

    private List<YamlNode> LifecycleRules() =>
        [.. _template.Properties("MailBucket").Mapping("LifecycleConfiguration").Sequence("Rules").Children];

    private PolicyStatement PolicyStatementOf(string roleId, string sid) =>
        RolePolicies.Statements(_template, roleId).Single(s => s.Sid == sid);
}
