using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Sending;
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
    public async Task Invoke_SesThrottlesTheSecondAlias_QueuesItAndTheSweepSendsOnlyIt()
    {
        _harness.Alias("shop@example.com");
        _harness.Alias("bank@example.com", "other@destination.test");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script["other@destination.test"] = new SesException("throttled", "TooManyRequestsException", 429);

        var first = await _harness.InvokeAsync("shop@example.com", "bank@example.com");

        first.GetProperty("outcome").GetString().ShouldBe("queued");
        var entry = _harness.Entry();
        entry.Attempts.ShouldBe(1);
        entry.NextAttemptAt.ShouldBe(_harness.Time.GetUtcNow() + TimeSpan.FromMinutes(5));
        entry.LastError!.ShouldContain("throttled");

        var early = await _harness.SweepAsync(TimeSpan.FromMinutes(4));
        early.GetProperty("attempted").GetInt32().ShouldBe(0);
        var sweep = await _harness.SweepAsync(TimeSpan.FromMinutes(2));

        sweep.GetProperty("delivered").GetInt32().ShouldBe(1);
        _harness.Sender.Sent.Select(s => s.To).ShouldBe([DeliveryHarness.Destination, "other@destination.test", "other@destination.test"]);
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
        _harness.Store.Contains(DeliveryHarness.QueueEntryKey).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_TagWriteFails_QueuesTheMessageForTheSweep()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Store.NextPutTagsFailure = new IOException("S3 unavailable");

        var response = await _harness.InvokeAsync("shop@example.com");

        response.GetProperty("outcome").GetString().ShouldBe("queued");
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeTrue();
        _harness.Entry().LastError!.ShouldContain("S3 unavailable");
    }

    [Fact]
    public async Task Invoke_BucketDown_FailsSoLambdaRetriesAndNothingIsLost()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Store.Outage = new IOException("S3 unavailable");

        await Should.ThrowAsync<DeliveryFailedException>(() => _harness.InvokeAsync("shop@example.com"));

        _harness.LastLog.GetProperty("outcome").GetString().ShouldBe("failed");
        _harness.Sender.Sent.ShouldBeEmpty();
        _harness.Store.Outage = null;
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_LookupFails_QueuesWithoutSending()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Dynamo.BatchGetFailure = new Amazon.DynamoDBv2.AmazonDynamoDBException("throttled");

        var response = await _harness.InvokeAsync("shop@example.com");

        response.GetProperty("outcome").GetString().ShouldBe("queued");
        _harness.Sender.Sent.ShouldBeEmpty();
        _harness.Entry().Recipients.ShouldBe(["shop@example.com"]);
    }

    [Fact]
    public async Task Invoke_SesRejectsForGood_BouncesAndMovesTheMessageToFailed()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script[DeliveryHarness.Destination] = SendResult.Rejected("MessageRejected", "Email address is not verified.");

        var first = await _harness.InvokeAsync("shop@example.com");
        var second = await _harness.InvokeAsync("shop@example.com");

        first.GetProperty("outcome").GetString().ShouldBe("gave-up");
        second.GetProperty("outcome").GetString().ShouldBe("absent");
        _harness.Sender.Sent.Count.ShouldBe(1);
        _harness.Bounces.Requests.ShouldHaveSingleItem().BounceType.ShouldBe("ContentRejected");
        _harness.Store.Content(DeliveryHarness.FailedKey).ShouldBe(TestMessage.Simple());
        _harness.Entry(failed: true).LastError!.ShouldContain("SES rejected it");
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
        _harness.Store.Contains(DeliveryHarness.QueueEntryKey).ShouldBeFalse();
        var line = _harness.Log.Lines[0];
        line.ShouldContain(DeliveryHarness.MessageId);
        line.ShouldContain("shop@example.com: SES rejected it: MessageRejected: Email address is not verified.");
    }

    [Fact]
    public async Task Invoke_RetryAfterARejectionAndAFailure_EndsInFailedWithTheOtherDelivered()
    {
        _harness.Alias("shop@example.com");
        _harness.Alias("bank@example.com", "other@destination.test");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script[DeliveryHarness.Destination] = SendResult.Rejected("MessageRejected", "no");
        _harness.Sender.Script["other@destination.test"] = new SesException("down", null, 503);

        (await _harness.InvokeAsync("shop@example.com", "bank@example.com")).GetProperty("outcome").GetString().ShouldBe("queued");
        var sweep = await _harness.SweepAsync(TimeSpan.FromMinutes(5));

        sweep.GetProperty("gaveUp").GetInt32().ShouldBe(1);
        _harness.Sender.Sent.Count(s => s.To == "other@destination.test").ShouldBe(2);
        _harness.Store.Contains(DeliveryHarness.FailedKey).ShouldBeTrue();
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
    }
}
