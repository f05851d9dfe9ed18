using System.Text.Json;
using TacoMail.Schema.Queue;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.S3;
using TacoMail.Testing.Ses;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// Events delivered again (Lambda retries async invocations; SES may invoke twice) send nothing
/// twice: per-alias progress lives in the stored object's tags, and the object goes once all is done.
/// </summary>
public sealed class DeliveryExactlyOnceTests(DynamoDbLocalFixture dynamo, S3ServerFixture s3) : IAsyncLifetime
{
    private const string FailingDestination = "second@destination.test";

    private readonly List<string> _failOnce = [];
    private DeliveryHarness? _harness;

    private DeliveryHarness Harness => _harness ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        _harness = await DeliveryHarness.CreateAsync(dynamo, s3, Answer);
        await Harness.PutAliasAsync("shop@example.com", "owner@destination.test");
        await Harness.PutAliasAsync("bank@example.com", FailingDestination);
        await Harness.PutAliasAsync("archive@example.com", "S3");
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Invoke_Twice_SendsOnceAndFindsNothingTheSecondTime()
    {
        var messageId = await StoreAsync();

        await Harness.InvokeAsync(messageId, ["shop@example.com"]);
        var second = await Harness.InvokeAsync(messageId, ["shop@example.com"]);

        Harness.Ses.SendEmails.Count.ShouldBe(1);
        Outcome(second).ShouldBe("absent");
    }

    [Fact]
    public async Task Invoke_RetryAfterPartialFailure_SendsOnlyTheRest()
    {
        var messageId = await StoreAsync();
        _failOnce.Add(FailingDestination);
        string[] recipients = ["shop@example.com", "archive@example.com", "bank@example.com"];

        var first = await Harness.InvokeAsync(messageId, recipients);

        Outcome(first).ShouldBe("queued");
        Harness.Log.Last.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ShouldContain(e => e!.Contains("ServiceUnavailable"));
        var tags = await Harness.TagsAsync(DeliveryHarness.IncomingKey(messageId));
        tags["tacomail-done-1"].Split(' ').Length.ShouldBe(2);

        var retry = await Harness.InvokeAsync(messageId, recipients);

        Outcome(retry).ShouldBe("delivered");
        Harness.Ses.SendEmails.Select(c => c.ReadSendEmail().To.Single())
            .ShouldBe(["owner@destination.test", FailingDestination, FailingDestination]);
        (await Harness.KeysAsync("mailbox/")).Count.ShouldBe(1);
        Statuses(retry).ShouldBe(["already-done", "already-done", "forwarded"]);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_SesRejectsForGood_BouncesKeepsTheMessageInFailedAndDoesNotRetry()
    {
        var messageId = await StoreAsync();
        _failOnce.Add("rejected:" + FailingDestination);

        var first = await Harness.InvokeAsync(messageId, ["bank@example.com", "shop@example.com"]);
        var second = await Harness.InvokeAsync(messageId, ["bank@example.com", "shop@example.com"]);

        Outcome(first).ShouldBe("gave-up");
        Statuses(first).ShouldBe(["forwarded", "rejected"]);
        Outcome(second).ShouldBe("absent");
        Harness.Ses.SendEmails.Count.ShouldBe(2);
        Harness.Ses.Requests.Single(c => c.IsSendBounce).FormFields()
            .ShouldContain(new KeyValuePair<string, string>("BouncedRecipientInfoList.member.1.BounceType", "ContentRejected"));
        (await Harness.ExistsAsync(MailBucketLayout.FailedKey(messageId))).ShouldBeTrue();
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
        var entry = Harness.Log.Lines[0];
        entry.ShouldContain(messageId);
        entry.ShouldContain("\"level\":\"error\"");
        entry.ShouldContain("bank@example.com: SES rejected it: MessageRejected: Email address is not verified.");
    }

    [Fact]
    public async Task Invoke_MessageOverTheLimit_BouncesAsTooLargeAndKeepsItInFailed()
    {
        var messageId = await StoreAsync();
        var options = Harness.Options with { MaxMessageBytes = 1_000 };

        var response = await Harness.InvokeAsync(messageId, ["shop@example.com"], options);

        Outcome(response).ShouldBe("gave-up");
        Statuses(response).ShouldBe(["too-large"]);
        Harness.Ses.SendEmails.ShouldBeEmpty();
        var bounce = Harness.Ses.Requests.ShouldHaveSingleItem();
        bounce.IsSendBounce.ShouldBeTrue();
        bounce.FormFields().ShouldContain(new KeyValuePair<string, string>("OriginalMessageId", messageId));
        bounce.FormFields().ShouldContain(new KeyValuePair<string, string>("BouncedRecipientInfoList.member.1.Recipient", "shop@example.com"));
        bounce.FormFields().ShouldContain(new KeyValuePair<string, string>("BouncedRecipientInfoList.member.1.BounceType", "MessageTooLarge"));
        (await Harness.ExistsAsync(MailBucketLayout.FailedKey(messageId))).ShouldBeTrue();
    }

    private static string Outcome(string response) => JsonDocument.Parse(response).RootElement.GetProperty("outcome").GetString()!;

    private static List<string?> Statuses(string response) =>
        [.. JsonDocument.Parse(response).RootElement.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("status").GetString())];

    private async Task<string> StoreAsync()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment(TestMessages.RandomBytes(3_000, seed: 3)));
        return messageId;
    }

    private SesAnswer Answer(SesRequest call)
    {
        if (!call.IsSendEmail)
        {
            return SesAnswer.Default(call);
        }

        var to = call.ReadSendEmail().To.Single();
        lock (_failOnce)
        {
            if (_failOnce.Remove(to))
            {
                return SesAnswer.Unavailable();
            }

            if (_failOnce.Contains("rejected:" + to))
            {
                return SesAnswer.Rejected("Email address is not verified.");
            }
        }

        return SesAnswer.Sent(call.Index);
    }
}
