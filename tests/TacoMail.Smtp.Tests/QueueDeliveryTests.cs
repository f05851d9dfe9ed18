using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SmtpServer.Protocol;
using TacoMail.Smtp.Delivery;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using static TacoMail.Smtp.Tests.TestMail;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// Delivery from the queue against real things: the table in DynamoDB Local, the spool and the
/// Maildir on disk, and a second SmtpServer as the smarthost. Each test says what happened to the
/// message when something failed: it is delivered once, waits in the queue, or is kept in
/// <c>failed/</c>, and its sender is told only where that is not backscatter.
/// </summary>
public sealed class QueueDeliveryTests(DynamoDbLocalFixture dynamo)
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A bounce sender, and notices to any sender the backscatter rules allow, authenticated or not.</summary>
    internal const string BounceAlways = "bounce_sender: mailer-daemon@example.com\nbounce_policy: always";

    private static JsonElement Envelope(string path) => JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;

    internal static string LastError(string path) => Envelope(path).GetProperty("last_error").GetString() ?? string.Empty;

    [Fact]
    public async Task S3Destination_FiledInTheMaildirByteForByte_AndLeavesTheQueue()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        await SendAsync(harness.Port, Message("news@example.com"));
        var queued = File.ReadAllBytes(harness.Queued(".eml").ShouldHaveSingleItem());

        await harness.DeliverAsync();

        File.ReadAllBytes(harness.Filed("news").ShouldHaveSingleItem()).ShouldBe(queued);
        harness.Queued(".json").ShouldBeEmpty();
        harness.Queued(".eml").ShouldBeEmpty();
        harness.Log.ShouldContain("decision=filed");
    }

    [Fact]
    public async Task RunningServer_DeliversAsSoonAsAMessageIsQueued()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, runQueue: true);

        await SendAsync(harness.Port, Message("news@example.com"));

        await Poll.UntilAsync(() => harness.Log.Contains("decision=delivered", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        harness.Filed("news").ShouldHaveSingleItem();
        harness.Queued(".json").ShouldBeEmpty();
        harness.Queued(".eml").ShouldBeEmpty();
    }

    [Fact]
    public async Task EmailDestination_ForwardedThroughTheSmarthost_WithTheForwardsHeaderRewrite()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port);
        var original = Message("shop+promo@example.com", "Body line one.\r\nBody line two.");
        await SendAsync(harness.Port, original);
        var queued = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(harness.Queued(".eml").ShouldHaveSingleItem()));

        await harness.DeliverAsync();

        var handed = relay.Received.ShouldHaveSingleItem();
        handed.RcptTo.ShouldBe(["me@gmail.com"]);
        handed.MailFrom.ShouldBe("shop@example.com", "without a feedback address, reports about the forward go to the alias");
        var head = HeadOf(handed.Text);
        head.ShouldContain("From: Jane via TacoMail <shop@example.com>");
        head.ShouldContain("Reply-To: Jane <reply.", Case.Sensitive, "replies go through Jane's reverse address (ReplyTests)");
        head.ShouldContain("X-TacoMail-Alias: shop@example.com");
        BodyOf(handed.Text).ShouldBe(BodyOf(queued));
        harness.Queued(".json").ShouldBeEmpty();
    }

    [Fact]
    public async Task FeedbackAddressDeclared_IsTheForwardsEnvelopeSender()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(
            dynamo, relay: relay.Port, settings: "bounce_sender: mailer-daemon@example.com\nfeedback_address: feedback@example.com");
        await SendAsync(harness.Port, Message("shop@example.com"));

        await harness.DeliverAsync();

        relay.Received.ShouldHaveSingleItem().MailFrom.ShouldBe("feedback@example.com");
    }

    [Fact]
    public async Task SmarthostDown_MessageWaitsWithBackoff_ThenDeliveredOnceWhenItIsBack()
    {
        var time = new FakeTimeProvider(Start);
        var relayPort = LoopbackPort.Free();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relayPort, time: time);
        await SendAsync(harness.Port, Message("shop@example.com"));

        await harness.DeliverAsync();

        var envelope = Envelope(harness.Queued(".json").ShouldHaveSingleItem());
        envelope.GetProperty("attempts").GetInt32().ShouldBe(1);
        envelope.GetProperty("next_attempt_at").GetDateTimeOffset().ShouldBe(Start + TimeSpan.FromMinutes(5));
        (envelope.GetProperty("last_error").GetString() ?? string.Empty).ShouldContain("not reached");
        harness.Queued(".eml").ShouldHaveSingleItem();

        await using var relay = await RelayTarget.StartAsync(relayPort);
        (await harness.DeliverAsync()).ShouldNotContain(QueueAttempt.Finished, "the backoff has not passed");
        relay.Received.ShouldBeEmpty();

        time.Advance(TimeSpan.FromMinutes(5));
        await harness.DeliverAsync();
        await harness.DeliverAsync();

        relay.Received.Count.ShouldBe(1);
        harness.Queued(".json").ShouldBeEmpty();
    }

    [Fact]
    public async Task PartlyDelivered_RestartedAttemptServesOnlyTheRest()
    {
        var time = new FakeTimeProvider(Start);
        var relayPort = LoopbackPort.Free();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relayPort, time: time);
        var message = Message("news@example.com");
        message.To.Add(MimeKit.MailboxAddress.Parse("shop@example.com"));
        await SendAsync(harness.Port, message);

        await harness.DeliverAsync();

        harness.Filed("news").ShouldHaveSingleItem();
        var recipients = Envelope(harness.Queued(".json").ShouldHaveSingleItem()).GetProperty("recipients").EnumerateArray()
            .ToDictionary(r => r.GetProperty("address").GetString()!, r => r.TryGetProperty("done", out var done) ? done.GetString() : null);
        recipients["news@example.com"].ShouldBe(RecipientFate.Filed);
        recipients["shop@example.com"].ShouldBeNull();

        await using var relay = await RelayTarget.StartAsync(relayPort);
        time.Advance(TimeSpan.FromMinutes(5));
        await harness.DeliverAsync();

        relay.Received.ShouldHaveSingleItem().RcptTo.ShouldBe(["me@gmail.com"]);
        harness.Filed("news").ShouldHaveSingleItem();
        harness.Queued(".json").ShouldBeEmpty();
    }

    [Fact]
    public async Task SmarthostRefuses_KeptInFailed_AndUnderTheDefaultPolicyTheSenderIsNotTold()
    {
        await using var relay = await RelayTarget.StartAsync();
        relay.Answer = new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.7.1 rejected by policy");
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port, settings: "bounce_sender: mailer-daemon@example.com");
        await SendAsync(harness.Port, Message("shop@example.com"));

        await harness.DeliverAsync();

        harness.Queued(".json").ShouldBeEmpty();
        harness.Failed(".eml").ShouldHaveSingleItem();
        var reason = LastError(harness.Failed(".json").ShouldHaveSingleItem());
        reason.ShouldContain("s***@example.com: smarthost answered 550");
        reason.ShouldContain("no notice: sender not authenticated");
        relay.Received.ShouldBeEmpty();
    }

    [Fact]
    public async Task SmarthostRefuses_PolicyAlways_NoticeFromBounceSenderWithTheNullSender()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(
            dynamo, relay: relay.Port, settings: BounceAlways);
        await SendAsync(harness.Port, Message("shop@example.com"));
        relay.Answer = new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such mailbox");

        await harness.DeliverAsync();
        relay.Answer = null;
        await harness.DeliverAsync();

        // The notice went out in the same attempt, while the smarthost still refused everything: tried once, not kept.
        harness.Failed(".eml").ShouldHaveSingleItem();
        LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("notice not sent");
    }

    [Fact]
    public async Task SmarthostRefusesTheForwardOnly_PolicyAlways_DeliveryStatusNotificationReachesTheSender()
    {
        await using var relay = await RelayTarget.StartAsync();
        relay.RefuseRecipient = "me@gmail.com";
        await using var harness = await SmtpHarness.StartAsync(
            dynamo, relay: relay.Port, settings: BounceAlways);
        await SendAsync(harness.Port, Message("shop@example.com"));

        await harness.DeliverAsync();

        var notice = relay.Received.ShouldHaveSingleItem();
        notice.MailFrom.ShouldBe(string.Empty, "a notice has the null sender, so it can never bounce back");
        notice.RcptTo.ShouldBe([Sender]);
        notice.Text.ShouldContain("From: Mail Delivery System <mailer-daemon@example.com>");
        notice.Text.ShouldContain("Content-Type: message/delivery-status");
        notice.Text.ShouldContain("Final-Recipient: rfc822; shop@example.com");
        notice.Text.ShouldContain("Status: 5.0.0");
        notice.Text.ShouldNotContain("me@gmail.com", Case.Insensitive, "the notice never reveals the destination");
        harness.Failed(".eml").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task NoticeToAnAutomaticMessage_NeverSent_EvenUnderPolicyAlways()
    {
        await using var relay = await RelayTarget.StartAsync();
        relay.RefuseRecipient = "me@gmail.com";
        await using var harness = await SmtpHarness.StartAsync(
            dynamo, relay: relay.Port, settings: BounceAlways);
        await SendAsync(harness.Port, Message("shop@example.com", "Your order shipped.", ("Auto-Submitted", "auto-generated")));

        await harness.DeliverAsync();

        relay.Received.ShouldBeEmpty();
        LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("no notice: automatic message");
    }

    [Fact]
    public async Task SmarthostDownForTheQueueLifetime_GivenUpIntoFailed_NullSenderNeverTold()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await SmtpHarness.StartAsync(
            dynamo, relay: LoopbackPort.Free(), time: time, settings: BounceAlways + "\nqueue_lifetime: 1h");
        await SendAsync(harness.Port, Message("shop@example.com"), sender: string.Empty);

        await harness.DeliverAsync();
        harness.Queued(".json").ShouldHaveSingleItem();
        time.Advance(TimeSpan.FromHours(1));
        await harness.DeliverAsync();

        harness.Queued(".json").ShouldBeEmpty();
        harness.Failed(".eml").ShouldHaveSingleItem();
        LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldSatisfyAllConditions(
            r => r.ShouldContain("delivery time expired"),
            r => r.ShouldContain("no notice: null sender"));
    }

    [Fact]
    public async Task MessageThatAlreadyPassedThisAlias_NotForwardedAgain_KeptInFailed()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port, settings: BounceAlways);
        await SendAsync(harness.Port, Message("shop@example.com", "Looping.", ("X-TacoMail-Alias", "shop@example.com")));

        await harness.DeliverAsync();

        relay.Received.ShouldBeEmpty("neither the forward nor a notice: both would feed the loop");
        LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("not told of a loop");
    }

    [Fact]
    public async Task AliasPausedAfterAcceptance_NotDelivered_AsTheLambdasRecheck()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port);
        await SendAsync(harness.Port, Message("shop@example.com"));
        await harness.PauseAsync("shop");

        await harness.DeliverAsync();

        relay.Received.ShouldBeEmpty();
        harness.Queued(".json").ShouldBeEmpty();
        harness.Log.ShouldContain("reason=paused-now");
    }

    [Fact]
    public async Task TableUnreachableAtDelivery_MessageWaits_NeverGivenUpBlind()
    {
        var time = new FakeTimeProvider(Start);
        await using var harness = await SmtpHarness.StartAsync(dynamo, time: time, settings: "queue_lifetime: 1h");
        await SendAsync(harness.Port, Message("news@example.com"));
        await harness.DropTableAsync();
        time.Advance(TimeSpan.FromDays(2));

        await harness.DeliverAsync();

        LastError(harness.Queued(".json").ShouldHaveSingleItem()).ShouldContain("lookup failed");
        harness.Failed(".json").ShouldBeEmpty();
    }

    [Fact]
    public async Task EnvelopeDamagedOnDisk_KeptInFailedAsItIs_NeitherDeliveredNorDeleted()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        await SendAsync(harness.Port, Message("news@example.com"));
        var envelope = harness.Queued(".json").ShouldHaveSingleItem();
        await File.WriteAllTextAsync(envelope, "{ \"format\": 1, \"id\": ", TestContext.Current.CancellationToken);

        (await harness.DeliverAsync()).ShouldBe([QueueAttempt.GaveUp]);

        harness.Filed("news").ShouldBeEmpty();
        harness.Queued(".json").ShouldBeEmpty();
        harness.Failed(".json").ShouldHaveSingleItem();
        harness.Failed(".eml").ShouldHaveSingleItem();
        harness.Log.ShouldContain("reason=unreadable-envelope");
    }

    [Fact]
    public async Task HeaderBlockTooLargeToRewrite_NotForwarded_KeptInFailed_NoNoticeEvenUnderPolicyAlways()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(
            dynamo, relay: relay.Port, settings: BounceAlways);
        // Over the 1 MB a header block may have: the forward cannot be written, so it is never sent.
        var headers = Enumerable.Range(0, 16_000).Select(i => ($"X-Filler-{i}", new string('x', 60))).ToArray();
        await SendAsync(harness.Port, Message("shop@example.com", "Hostile.", headers));

        await harness.DeliverAsync();

        relay.Received.ShouldBeEmpty();
        harness.Failed(".eml").ShouldHaveSingleItem();
        LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldSatisfyAllConditions(
            r => r.ShouldContain("s***@example.com: The header block"),
            r => r.ShouldContain("no notice: the header block cannot be read"));
    }

    [Fact]
    public async Task OneForwardRefusedAnotherDeferred_SenderToldOnceInTheFirstAttempt_TheOtherDeliveredLater()
    {
        var time = new FakeTimeProvider(Start);
        await using var relay = await RelayTarget.StartAsync();
        relay.RefuseRecipient = "me@gmail.com";
        relay.DeferRecipient = "partner@fastmail.com";
        await using var harness = await SmtpHarness.StartAsync(
            dynamo, relay: relay.Port, time: time, settings: BounceAlways);
        var message = Message("shop@example.com");
        message.To.Add(MimeKit.MailboxAddress.Parse("travel@example.com"));
        await SendAsync(harness.Port, message);

        await harness.DeliverAsync();

        var notice = relay.Received.ShouldHaveSingleItem();
        notice.MailFrom.ShouldBe(string.Empty);
        notice.Text.ShouldContain("Final-Recipient: rfc822; shop@example.com");
        notice.Text.ShouldNotContain("Final-Recipient: rfc822; travel@example.com", Case.Insensitive, "travel is not given up, only deferred");
        harness.Queued(".json").ShouldHaveSingleItem();

        relay.DeferRecipient = null;
        time.Advance(TimeSpan.FromMinutes(5));
        await harness.DeliverAsync();

        relay.Received.Count.ShouldBe(2, "the forward for travel, and no second notice");
        relay.Received.Last().RcptTo.ShouldBe(["partner@fastmail.com"]);
        LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("notice sent to the sender");
    }

    [Fact]
    public async Task SmarthostHangsOnOneForward_OtherMessagesAreDeliveredMeanwhile()
    {
        await using var relay = await RelayTarget.StartAsync();
        relay.HoldRecipient = "me@gmail.com";
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port);
        await SendAsync(harness.Port, Message("shop@example.com"));
        await SendAsync(harness.Port, Message("news@example.com"));

        var delivering = harness.DeliverAsync();
        await Poll.UntilAsync(() => harness.Filed("news").Length == 1, TestContext.Current.CancellationToken);
        relay.Received.ShouldBeEmpty("the forward is still held by the smarthost");
        relay.Release();
        await delivering;

        relay.Received.ShouldHaveSingleItem().RcptTo.ShouldBe(["me@gmail.com"]);
        harness.Queued(".json").ShouldBeEmpty();
    }
}
