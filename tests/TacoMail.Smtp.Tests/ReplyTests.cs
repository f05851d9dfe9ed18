using Microsoft.Extensions.Time.Testing;
using MimeKit;
using TacoMail.MailPath.Replies;
using TacoMail.Smtp.Tests.Authentication;
using TacoMail.Testing.DynamoDb;
using static TacoMail.Smtp.Tests.TestMail;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// Replies through reverse addresses on this host, against real things: the table in DynamoDB
/// Local, a DNS server on loopback holding the owner's SPF, DKIM and DMARC records, and a second
/// SmtpServer as the smarthost. A forward's Reply-To is the correspondent's reverse address; the
/// owner's reply to it goes out from the alias only when this host's own checks prove the owner
/// sent it. Anything else is kept in <c>failed/</c>, never sent and never bounced (its sender is
/// exactly who is not proven); a check DNS could not answer leaves the reply waiting in the queue.
/// </summary>
public sealed class ReplyTests(DynamoDbLocalFixture dynamo)
{
    /// <summary>shop@example.com's destination: the only address that may reply through shop's reverse addresses.</summary>
    private const string Owner = "me@gmail.com";

    private const string OwnerDomain = "gmail.com";

    /// <summary>The owner's domain lets this test's client (loopback) send for it.</summary>
    private const string SpfAllowingLoopback = "v=spf1 ip4:127.0.0.1 -all";

    /// <summary>The owner's domain lets only another host send for it: a message from loopback is forged.</summary>
    private const string SpfAllowingAnotherHost = "v=spf1 ip4:192.0.2.1 -all";

    private const string DmarcReject = "v=DMARC1; p=reject";

    [Fact]
    public async Task Forward_ReplyToIsTheCorrespondentsReverseAddress_OneForEveryMessageFromThem()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port);
        await SendAsync(harness.Port, Message("shop@example.com"));
        await SendAsync(harness.Port, Message("shop+promo@example.com"));

        await harness.DeliverAsync();

        var replyTos = relay.Received.Select(ReplyToOf).ToList();
        replyTos.Count.ShouldBe(2);
        replyTos[0].Name.ShouldBe("Jane", "the owner's client shows who the reply goes to");
        replyTos[1].Address.ShouldBe(replyTos[0].Address, "one reverse address per alias and correspondent");
        var stored = await Reverses(harness).FindAsync("shop@example.com", Sender, TestContext.Current.CancellationToken);
        stored.ShouldNotBeNull().Address.Address.ShouldBe(replyTos[0].Address);
        relay.Received.ShouldAllBe(h => !HeadOf(h.Text).Contains("Reply-To: Jane <" + Sender, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OwnersReply_ProvenBySpfAndDmarc_GoesToTheCorrespondentFromTheAlias_AndRecordsTheUse()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port);
        var reverse = await ForwardOnceAsync(harness, relay);
        harness.Dns.Txt(OwnerDomain, SpfAllowingLoopback);
        harness.Dns.Txt("_dmarc." + OwnerDomain, DmarcReject);

        await SendAsync(harness.Port, Reply(reverse), sender: Owner);
        await harness.DeliverAsync();

        var sent = relay.Received.Last();
        sent.RcptTo.ShouldBe([Sender]);
        sent.MailFrom.ShouldBe("shop@example.com", "without a feedback address, reports about the reply go to the alias");
        HeadOf(sent.Text).ShouldContain("shop@example.com");
        sent.Text.ShouldNotContain(Owner, Case.Insensitive, "the correspondent never learns the owner's own address");
        sent.Text.ShouldContain("Thanks, see you then.");
        harness.Log.ShouldContain("decision=replied");
        harness.Queued(".json").ShouldBeEmpty();
        harness.Failed(".json").ShouldBeEmpty();
        var stored = await Reverses(harness).FindAsync("shop@example.com", Sender, TestContext.Current.CancellationToken);
        stored.ShouldNotBeNull().LastUsedDatetime.ShouldNotBeNull("the reverse address records when a reply last went out");
    }

    [Fact]
    public async Task ForgedReply_SpfFailsAndNothingSigned_KeptInFailed_NeitherSentNorBounced()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port, settings: QueueDeliveryTests.BounceAlways);
        var reverse = await ForwardOnceAsync(harness, relay);
        harness.Dns.Txt(OwnerDomain, SpfAllowingAnotherHost);
        harness.Dns.Txt("_dmarc." + OwnerDomain, DmarcReject);

        // Someone who learned the reverse address writes as the owner, from a host the owner's domain does not allow.
        await SendAsync(harness.Port, Reply(reverse), sender: Owner);
        await harness.DeliverAsync();

        relay.Received.Count.ShouldBe(1, "only the first forward: neither the forged reply nor a notice to the forged sender");
        harness.Queued(".json").ShouldBeEmpty();
        harness.Failed(".eml").ShouldHaveSingleItem();
        var reason = QueueDeliveryTests.LastError(harness.Failed(".json").ShouldHaveSingleItem());
        reason.ShouldContain("did not authenticate it (SPF fail, DKIM gray, DMARC fail)");
        reason.ShouldContain("never bounced");
    }

    [Fact]
    public async Task OwnersReplySignedByTheirDomain_DkimAlignedPassesDmarc_SentEvenThoughSpfFails()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port);
        var reverse = await ForwardOnceAsync(harness, relay);
        var reply = SignedByTheOwnersDomain(harness, Reply(reverse));

        await SendAsync(harness.Port, reply, sender: Owner);
        await harness.DeliverAsync();

        relay.Received.Last().RcptTo.ShouldBe([Sender]);
        harness.Log.ShouldContain("decision=replied");
    }

    [Fact]
    public async Task ReplySignedButAlteredOnTheWay_DkimFails_KeptInFailed()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port);
        var reverse = await ForwardOnceAsync(harness, relay);
        var reply = SignedByTheOwnersDomain(harness, Reply(reverse));
        reply.Body = new TextPart("plain") { Text = "Send the money to another account." };

        await SendAsync(harness.Port, reply, sender: Owner);
        await harness.DeliverAsync();

        relay.Received.Count.ShouldBe(1);
        QueueDeliveryTests.LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("DKIM fail");
    }

    [Fact]
    public async Task DnsCannotBeReadWhileCheckingAReply_ReplyWaitsInTheQueue_SentOnceDnsAnswers()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port, time: time);
        var reverse = await ForwardOnceAsync(harness, relay);
        harness.Dns.ServerFailure(OwnerDomain);
        harness.Dns.ServerFailure("_dmarc." + OwnerDomain);

        await SendAsync(harness.Port, Reply(reverse), sender: Owner);
        await harness.DeliverAsync();

        relay.Received.Count.ShouldBe(1, "nothing decided while DNS fails");
        harness.Failed(".json").ShouldBeEmpty("a check that could not be made is not a refusal");
        QueueDeliveryTests.LastError(harness.Queued(".json").ShouldHaveSingleItem()).ShouldContain("DNS could not be read");

        harness.Dns.Txt(OwnerDomain, SpfAllowingLoopback);
        harness.Dns.Txt("_dmarc." + OwnerDomain, DmarcReject);
        time.Advance(TimeSpan.FromMinutes(5));
        await harness.DeliverAsync();

        relay.Received.Count.ShouldBe(2);
        relay.Received.Last().RcptTo.ShouldBe([Sender]);
        harness.Queued(".json").ShouldBeEmpty();
    }

    [Fact]
    public async Task DnsCannotBeRead_ButTheEnvelopeSenderIsNotTheOwner_RefusedAtOnce_NotLeftWaiting()
    {
        await using var relay = await RelayTarget.StartAsync();
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port);
        var reverse = await ForwardOnceAsync(harness, relay);
        harness.Dns.ServerFailure("else.example");
        harness.Dns.ServerFailure("_dmarc." + OwnerDomain);

        await SendAsync(harness.Port, Reply(reverse), sender: "someone@else.example");
        await harness.DeliverAsync();

        relay.Received.Count.ShouldBe(1);
        harness.Queued(".json").ShouldBeEmpty("no answer from DNS could make this the owner's reply");
        QueueDeliveryTests.LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("the envelope sender is not the alias's destination");
    }

    [Fact]
    public async Task SmarthostRefusesAForward_SenderProvenBySpf_ToldUnderTheDefaultPolicy()
    {
        await using var relay = await RelayTarget.StartAsync();
        relay.RefuseRecipient = Owner;
        await using var harness = await SmtpHarness.StartAsync(dynamo, relay: relay.Port, settings: "bounce_sender: mailer-daemon@example.com");
        harness.Dns.Txt("sender.example", SpfAllowingLoopback);

        await SendAsync(harness.Port, Message("shop@example.com"));
        await harness.DeliverAsync();

        var notice = relay.Received.ShouldHaveSingleItem("the forward was refused; the notice went out");
        notice.MailFrom.ShouldBe(string.Empty);
        notice.RcptTo.ShouldBe([Sender]);
        QueueDeliveryTests.LastError(harness.Failed(".json").ShouldHaveSingleItem()).ShouldContain("notice sent to the sender");
    }

    /// <summary>Jane writes to shop once; the forward carries her reverse address, returned here.</summary>
    private static async Task<string> ForwardOnceAsync(SmtpHarness harness, RelayTarget relay)
    {
        await SendAsync(harness.Port, Message("shop@example.com"));
        await harness.DeliverAsync();
        var address = ReplyToOf(relay.Received.ShouldHaveSingleItem()).Address;
        address.ShouldStartWith("reply.");
        return address;
    }

    /// <summary>The owner's answer, written in their own mail client to the reverse address.</summary>
    private static MimeMessage Reply(string reverse)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Me", Owner));
        message.To.Add(new MailboxAddress("Jane", reverse));
        message.Subject = "Re: A test";
        message.MessageId = "reply-1@gmail.com";
        message.InReplyTo = "test-1@sender.example";
        message.Date = new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.Zero);
        message.Body = new TextPart("plain") { Text = "Thanks, see you then." };
        return message;
    }

    /// <summary>
    /// Signs <paramref name="reply"/> with a key the owner's domain publishes, whose SPF allows
    /// only another host: DMARC can pass only through the aligned DKIM signature.
    /// </summary>
    private static MimeMessage SignedByTheOwnersDomain(SmtpHarness harness, MimeMessage reply)
    {
        var key = TestDkimKey.PublishedIn(harness.Dns, OwnerDomain);
        harness.Dns.Txt(OwnerDomain, SpfAllowingAnotherHost);
        harness.Dns.Txt("_dmarc." + OwnerDomain, DmarcReject);
        key.Sign(reply);
        return reply;
    }

    private static MailboxAddress ReplyToOf(RelayTarget.Handed handed)
    {
        using var stream = new MemoryStream(handed.Bytes);
        return MimeMessage.Load(stream).ReplyTo.Mailboxes.ShouldHaveSingleItem();
    }

    private static ReverseAliasStore Reverses(SmtpHarness harness) => new(harness.Table, harness.TableName, TimeProvider.System);
}
