using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed partial class DeliveryHandlerTests
{
    [Fact]
    public async Task Invoke_Twice_SendsOnceAndTheSecondFindsNoMessage()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("shop@example.com");
        var second = await _harness.InvokeAsync("shop@example.com");

        _harness.Sender.Sent.Count.ShouldBe(1);
        second.GetProperty("outcome").GetString().ShouldBe("absent");
    }

    [Fact]
    public async Task Invoke_SesThrottlesTheSecondAlias_FailsAndTheRetrySendsOnlyIt()
    {
        _harness.Alias("shop@example.com");
        _harness.Alias("bank@example.com", "other@destination.test");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script["other@destination.test"] = new SesException("throttled", "TooManyRequestsException", 429);

        var failure = await Should.ThrowAsync<DeliveryFailedException>(() => _harness.InvokeAsync("shop@example.com", "bank@example.com"));
        var retry = await _harness.InvokeAsync("shop@example.com", "bank@example.com");

        failure.InnerException.ShouldBeOfType<SesException>();
        _harness.Log.Lines.Count.ShouldBe(2);
        DeliveryHarness.Statuses(retry).ShouldBe(["already-done", "forwarded"]);
        _harness.Sender.Sent.Select(s => s.To).ShouldBe([DeliveryHarness.Destination, "other@destination.test", "other@destination.test"]);
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_TagWriteFails_FailsSoTheEventIsRetried()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Store.NextPutTagsFailure = new IOException("S3 unavailable");

        await Should.ThrowAsync<DeliveryFailedException>(() => _harness.InvokeAsync("shop@example.com"));

        _harness.LastLog.GetProperty("outcome").GetString().ShouldBe("failed");
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_LookupFails_FailsWithoutSending()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Dynamo.BatchGetFailure = new Amazon.DynamoDBv2.AmazonDynamoDBException("throttled");

        await Should.ThrowAsync<DeliveryFailedException>(() => _harness.InvokeAsync("shop@example.com"));

        _harness.Sender.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_SesRejectsForGood_MarksItDoneKeepsTheMessageAndLogsTheRecipient()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script[DeliveryHarness.Destination] = SendResult.Rejected("MessageRejected", "Email address is not verified.");

        var first = await _harness.InvokeAsync("shop@example.com");
        var second = await _harness.InvokeAsync("shop@example.com");

        first.GetProperty("outcome").GetString().ShouldBe("kept");
        second.GetProperty("outcome").GetString().ShouldBe("finished-before");
        _harness.Sender.Sent.Count.ShouldBe(1);
        _harness.Store.Tags(DeliveryHarness.IncomingKey).ShouldContain(new MailObjectTag("tacomail-delivered", "partial"));
        var line = _harness.Log.Lines[0];
        line.ShouldContain(DeliveryHarness.MessageId);
        line.ShouldContain("shop@example.com: SES rejected it: MessageRejected: Email address is not verified.");
    }

    [Fact]
    public async Task Invoke_RetryAfterARejectionAndAFailure_StillKeepsTheMessage()
    {
        _harness.Alias("shop@example.com");
        _harness.Alias("bank@example.com", "other@destination.test");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script[DeliveryHarness.Destination] = SendResult.Rejected("MessageRejected", "no");
        _harness.Sender.Script["other@destination.test"] = new SesException("down", null, 503);

        await Should.ThrowAsync<DeliveryFailedException>(() => _harness.InvokeAsync("shop@example.com", "bank@example.com"));
        var retry = await _harness.InvokeAsync("shop@example.com", "bank@example.com");

        retry.GetProperty("outcome").GetString().ShouldBe("kept");
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeTrue();
    }
}
