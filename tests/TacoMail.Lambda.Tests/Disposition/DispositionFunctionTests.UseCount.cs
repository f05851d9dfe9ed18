using System.Globalization;
using Amazon.DynamoDBv2.Model;
using TacoMail.Lambda.Tests.Events;
using TacoMail.Schema.Table;
using static TacoMail.Lambda.Tests.Disposition.TestAliases;

namespace TacoMail.Lambda.Tests.Disposition;

public sealed partial class DispositionFunctionTests
{
    [Fact]
    public async Task Invoke_DeliveredDroppedAndBounced_IncrementUseCountOnceEach()
    {
        await _harness.InvokeAsync(TestEvent.To(
            "shop@example.com", "shop+again@example.com", "quiet@example.com", "old@example.com", "nobody@example.com"));

        _harness.Dynamo.UseCount(Key("shop@example.com")).ShouldBe(InitialUseCount + 1);
        _harness.Dynamo.UseCount(Key("quiet@example.com")).ShouldBe(InitialUseCount + 1);
        // A disabled alias still receives mail: the one rule counts it, so a plan deleting it shows that.
        _harness.Dynamo.UseCount(Key("old@example.com")).ShouldBe(InitialUseCount + 1);
        _harness.Dynamo.Contains(Key("nobody@example.com")).ShouldBeFalse();
        _harness.Dynamo.Updates.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Invoke_Increment_IsConditionalAddAndSetsLastUse()
    {
        await _harness.InvokeAsync(TestEvent.To("shop@example.com"));

        var update = _harness.Dynamo.Updates.ShouldHaveSingleItem();
        update.TableName.ShouldBe("aliases");
        update.UpdateExpression.ShouldBe("ADD #uc :one SET #lu = :now");
        update.ConditionExpression.ShouldBe("attribute_exists(#id)");
        update.ExpressionAttributeNames.ShouldBe(new Dictionary<string, string>
        {
            ["#uc"] = TableContract.UseCount,
            ["#lu"] = TableContract.LastUsedDatetime,
            ["#id"] = TableContract.Identifier,
        });
        update.ExpressionAttributeValues.Keys.ShouldBe([":one", ":now"], ignoreOrder: true);
        update.ExpressionAttributeValues[":one"].N.ShouldBe("1");
        update.ExpressionAttributeValues[":now"].N.ShouldBe(_harness.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Invoke_LaterMessage_LastUseIsTheClockAtThatMessage()
    {
        await _harness.InvokeAsync(TestEvent.To("shop@example.com"));
        _harness.Time.Advance(TimeSpan.FromHours(5));

        await _harness.InvokeAsync(TestEvent.To("shop@example.com"));

        _harness.Dynamo.LastUsed(Key("shop@example.com")).ShouldBe("1710426420");
        _harness.Dynamo.UseCount(Key("shop@example.com")).ShouldBe(InitialUseCount + 2);
    }

    [Fact]
    public async Task Invoke_SpamDrop_CountsForExistingAliases()
    {
        await _harness.InvokeAsync(TestEvent.Full().WithRecipients("old@example.com", "nobody@example.com")
            .WithVerdict("spamVerdict", "FAIL").ToJson());

        _harness.Dynamo.UseCount(Key("old@example.com")).ShouldBe(InitialUseCount + 1);
        _harness.Dynamo.Contains(Key("nobody@example.com")).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_AliasDeletedSinceLookup_ConditionFailureIsIgnored()
    {
        _harness.Dynamo.UpdateFailure = new ConditionalCheckFailedException("The conditional request failed");

        (await _harness.InvokeAsync(TestEvent.To("shop@example.com"))).ShouldBe(Continue);

        _harness.LoggedErrors().ShouldBeEmpty();
        _harness.LogEntry.GetProperty("level").GetString().ShouldBe("info");
    }

    [Theory]
    [InlineData("shop@example.com", Continue)]
    [InlineData("quiet@example.com", Stop)]
    public async Task Invoke_IncrementFails_LoggedWithoutChangingTheDisposition(string recipient, string expected)
    {
        _harness.Dynamo.UpdateFailure = new ProvisionedThroughputExceededException("Rate exceeded");

        (await _harness.InvokeAsync(TestEvent.To(recipient))).ShouldBe(expected);

        _harness.LoggedErrors().ShouldHaveSingleItem().ShouldBe(
            $"use_count of {Key(recipient)} not incremented: ProvisionedThroughputExceededException: Rate exceeded");
        _harness.LogEntry.GetProperty("level").GetString().ShouldBe("error");
    }
}
