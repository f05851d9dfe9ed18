using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;
using TacoMail.Smtp.Delivery;
using TacoMail.Testing.DynamoDb;
using static TacoMail.Smtp.Tests.TestMail;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// A notice the smarthost defers is not lost: it is queued as its own entry with the null sender
/// and retried like any message, as Postfix's bounce daemon queues its notices. One the smarthost
/// refuses for good is kept, and never noticed in turn (that would be a loop of notices).
/// </summary>
public sealed class NoticeQueueTests(DynamoDbLocalFixture dynamo)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task NoticeDeferredBySmarthost_QueuedWithTheNullSender_SentOnceAtTheRetry()
    {
        var time = new FakeTimeProvider(Start);
        var (relay, harness) = await ForwardRefusedNoticeDeferredAsync(time);
        await using var relayScope = relay;
        await using var harnessScope = harness;

        relay.Received.ShouldBeEmpty("the forward was refused and the notice deferred");
        QueueDeliveryTests.LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("notice deferred");
        var entry = JsonDocument.Parse(File.ReadAllBytes(harness.Queued(".json").ShouldHaveSingleItem())).RootElement;
        entry.GetProperty("sender").GetString().ShouldBe(string.Empty, "a notice has the null sender");
        entry.GetProperty("next_attempt_at").GetDateTimeOffset().ShouldBe(Start + TimeSpan.FromMinutes(5));
        var recipient = entry.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem();
        recipient.GetProperty("address").GetString().ShouldBe(Sender);
        recipient.GetProperty("decision").GetString().ShouldBe("notice");

        await harness.DeliverAsync();
        relay.Received.ShouldBeEmpty("not due before its backoff");

        relay.DeferRecipient = null;
        time.Advance(TimeSpan.FromMinutes(5));
        await harness.DeliverAsync();
        await harness.DeliverAsync();

        var notice = relay.Received.ShouldHaveSingleItem();
        notice.MailFrom.ShouldBe(string.Empty);
        notice.RcptTo.ShouldBe([Sender]);
        notice.Text.ShouldContain("Final-Recipient: rfc822; shop@example.com");
        notice.Text.ShouldNotContain("me@gmail.com", Case.Insensitive);
        harness.Queued(".json").ShouldBeEmpty();
        harness.Log.ShouldContain("decision=notified");
    }

    [Fact]
    public async Task QueuedNoticeRefusedForGood_KeptInFailed_NoNoticeOfTheNotice()
    {
        var time = new FakeTimeProvider(Start);
        var (relay, harness) = await ForwardRefusedNoticeDeferredAsync(time);
        await using var relayScope = relay;
        await using var harnessScope = harness;

        relay.DeferRecipient = null;
        relay.Answer = new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such mailbox");
        time.Advance(TimeSpan.FromMinutes(5));
        await harness.DeliverAsync();
        relay.Answer = null;
        await harness.DeliverAsync();

        relay.Received.ShouldBeEmpty("a refused notice is never noticed in turn");
        harness.Queued(".json").ShouldBeEmpty();
        harness.Failed(".json").Length.ShouldBe(2, "the message given up, and its notice");
        harness.Failed(".json").Select(QueueDeliveryTests.LastError).ShouldContain(e => e.Contains("smarthost answered 550", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoSmarthostWhenAMessageExpires_NoticeWaitsInTheQueue_NotDropped()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await SmtpHarness.StartAsync(dynamo, time: time, settings: QueueDeliveryTests.BounceAlways + "\nqueue_lifetime: 1h");
        await SendAsync(harness.Port, Message("shop@example.com"));
        await harness.DeliverAsync();

        time.Advance(TimeSpan.FromHours(1));
        await harness.DeliverAsync();

        QueueDeliveryTests.LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("queued as");
        var entry = JsonDocument.Parse(File.ReadAllBytes(harness.Queued(".json").ShouldHaveSingleItem())).RootElement;
        entry.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem().GetProperty("decision").GetString().ShouldBe("notice");
        (await harness.DeliverAsync()).ShouldNotContain(QueueAttempt.Finished);
    }

    /// <summary>Jane writes to shop; the smarthost refuses the forward to shop's destination and defers the notice to Jane (one attempt).</summary>
    private async Task<(RelayTarget Relay, SmtpHarness Harness)> ForwardRefusedNoticeDeferredAsync(FakeTimeProvider time)
    {
        var relay = await RelayTarget.StartAsync();
        relay.RefuseRecipient = "me@gmail.com";
        relay.DeferRecipient = Sender;
        var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port, time: time, settings: QueueDeliveryTests.BounceAlways);
        await SendAsync(harness.Port, Message("shop@example.com"));
        await harness.DeliverAsync();
        return (relay, harness);
    }
}
