using System.Text;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using MimeKit;
using TacoMail.IntegrationTests.Lambda;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Table;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.S3;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// Replies through reverse aliases, end to end on DynamoDB Local, s3rver and the loopback SES,
/// both handlers driven as SES drives them: a forward, its Reply-To, the owner's reply to it
/// through the disposition and the delivery, and what the correspondent receives, parsed with
/// MimeKit and searched for the owner's address. The two promises: a spoofed or stranger's reply
/// is dropped, never sent and never bounced; the owner's address never reaches the correspondent.
/// </summary>
public sealed partial class ReplyRoundTripTests(DynamoDbLocalFixture dynamo, S3ServerFixture s3) : IAsyncLifetime
{
    private const string Alias = "shop@example.com";
    private const string Continue = """{"disposition":"CONTINUE"}""";
    private const string Stop = """{"disposition":"STOP_RULE"}""";

    private static readonly (string, string, string) AllPass = ("PASS", "PASS", "PASS");

    private DeliveryHarness? _harness;

    private DeliveryHarness Harness => _harness ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        _harness = await DeliveryHarness.CreateAsync(dynamo, s3);
        await Harness.PutAliasAsync(Alias, ReplyMessages.Owner);
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task RoundTrip_OwnerReplies_GoesToTheSenderFromTheAliasAndNeverShowsTheOwner()
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);
        var attachment = TestMessages.RandomBytes(150_000, seed: 7);
        var reply = ReplyMessages.Reply(reverse.Address, attachment);

        var sent = await ReplyAsync(reverse.Address, reply, ReplyMessages.Owner, AllPass);

        var request = sent.ShouldNotBeNull().ReadSendEmail();
        request.From.ShouldBe(Alias);
        request.To.ShouldBe([DeliveryTestEvent.Sender]);
        request.FeedbackAddress.ShouldBe(DeliveryHarness.FeedbackAddress);
        var message = MimeMessage.Load(new MemoryStream(request.RawMessage), TestContext.Current.CancellationToken);
        message.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(Alias);
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(DeliveryTestEvent.Sender);
        message.Subject.ShouldBe("Re: " + TestMessages.Subject);
        message.InReplyTo.ShouldBe("original-id@sender.test");
        message.MessageId.ShouldEndWith("@example.com");
        message.TextBody.ShouldNotBeNull().ShouldContain(ReplyMessages.Text);
        message.TextBody.ShouldContain($"<{Alias}> wrote:");
        AssertNowhere(message, request.RawMessage, ReplyMessages.Owner, ReplyMessages.OwnerDomain);
        await AssertAttachmentAsync(message, attachment);
        (await LastUsedAsync(reverse)).ShouldBe(Harness.Time.GetUtcNow().ToUnixTimeSeconds());
        (await Harness.KeysAsync(DeliveryHarness.IncomingKey(string.Empty))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("utf-8", "Thanks, Jane — see my notes. 🌮")]
    [InlineData("iso-8859-1", "Grüße, Jane: à bientôt")]
    [InlineData("koi8-r", "Спасибо, Джейн, до встречи")]
    [InlineData("shift_jis", "ありがとう、ジェーンさん")]
    public async Task RoundTrip_BodiesInCharsets_KeepTheirTextAndLoseTheOwner(string charset, string text)
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);
        var reply = ReplyMessages.Reply(reverse.Address, [1, 2, 3], charset, text: text);

        var sent = await ReplyAsync(reverse.Address, reply, ReplyMessages.Owner, AllPass);

        var raw = sent.ShouldNotBeNull().ReadSendEmail().RawMessage;
        var message = MimeMessage.Load(new MemoryStream(raw), TestContext.Current.CancellationToken);
        var parts = message.BodyParts.OfType<TextPart>().ToList();
        parts.Count.ShouldBe(2);
        foreach (var part in parts)
        {
            part.ContentType.Charset.ShouldBe(charset, StringCompareShould.IgnoreCase);
            part.Text.ShouldContain(text);
            part.Text.ShouldContain(Alias);
        }

        AssertNowhere(message, raw, ReplyMessages.Owner, ReplyMessages.OwnerDomain);
    }

    [Theory]
    [InlineData("FAIL", "FAIL", "FAIL")]
    [InlineData("FAIL", "PASS", "FAIL")]
    [InlineData("FAIL", "PASS", "GRAY")]
    [InlineData("PASS", "PASS", "FAIL")]
    [InlineData("PROCESSING_FAILED", "PASS", "PROCESSING_FAILED")]
    public async Task Reply_OwnerNotAuthenticated_IsDroppedNeverSentNorBounced(string spf, string dkim, string dmarc)
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);
        var reply = ReplyMessages.Reply(reverse.Address, [1, 2, 3]);

        var sent = await ReplyAsync(reverse.Address, reply, ReplyMessages.Owner, (spf, dkim, dmarc));

        sent.ShouldBeNull();
        AssertDroppedAndLogged("did not authenticate");
    }

    [Fact]
    public async Task Reply_NoDmarcPolicyButSpfPass_IsSent()
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);

        var sent = await ReplyAsync(reverse.Address, ReplyMessages.Reply(reverse.Address, [1]), ReplyMessages.Owner, ("PASS", "FAIL", "GRAY"));

        sent.ShouldNotBeNull().ReadSendEmail().To.ShouldBe([DeliveryTestEvent.Sender]);
    }

    [Fact]
    public async Task Reply_FromAStranger_IsDroppedNeverSentNorBounced()
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);
        const string stranger = "mallory@stranger.test";
        var reply = ReplyMessages.Reply(reverse.Address, [1, 2, 3], from: stranger);

        var sent = await ReplyAsync(reverse.Address, reply, stranger, AllPass);

        sent.ShouldBeNull();
        AssertDroppedAndLogged("envelope sender is not the alias's destination");
    }

    [Fact]
    public async Task Reply_EnvelopeIsTheOwnerButFromIsNot_IsDropped()
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);
        var reply = ReplyMessages.Reply(reverse.Address, [1, 2, 3], from: "boss@destination.test");

        var sent = await ReplyAsync(reverse.Address, reply, ReplyMessages.Owner, AllPass);

        sent.ShouldBeNull();
        AssertDroppedAndLogged("From is not the alias's destination");
    }

    [Theory]
    [InlineData(AliasState.Disabled)]
    [InlineData(AliasState.Paused)]
    public async Task Reply_AliasNoLongerActive_DispositionDropsItWithoutABounce(AliasState state)
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);
        await Harness.PutAliasAsync(Alias, ReplyMessages.Owner, state);
        var messageId = DeliveryTestEvent.NewMessageId();
        var json = SesTestEvent.Create(messageId, ReplyMessages.Owner, [reverse.Address], AllPass, "RequestResponse", "disposition");

        (await Harness.DisposeOfAsync(json)).ShouldBe(Stop);

        Harness.DispositionBounces.Requests.ShouldBeEmpty();
        var recipient = Harness.Log.Last.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem();
        recipient.GetProperty("outcome").GetString().ShouldBe("drop");
        recipient.GetProperty("reason").GetString().ShouldBe("reply-alias-inactive");

        // Had SES stored it anyway (the disposition's fail-safe CONTINUE), the delivery drops it too.
        var sent = await DeliverAsync(messageId, reverse.Address, ReplyMessages.Reply(reverse.Address, [1]), ReplyMessages.Owner, AllPass);
        sent.ShouldBeNull();
        Harness.Ses.Requests.Count(r => r.IsSendBounce).ShouldBe(0);
    }

    [Fact]
    public async Task Forward_TwoSendersOneAlias_GetTwoReverseAddressesEachStable()
    {
        var jane = await ForwardAsync(DeliveryTestEvent.Sender);
        var again = await ForwardAsync(DeliveryTestEvent.Sender);
        var bob = await ForwardAsync("bob@other.test");

        again.ShouldBe(jane);
        bob.ShouldNotBe(jane);
        bob.Domain.ShouldBe("example.com");
        var scan = await Harness.Dynamo.ScanAsync(new ScanRequest { TableName = Harness.Table }, TestContext.Current.CancellationToken);
        scan.Items.Count(i => i[TableContract.SubDomain].S == TableContract.ReversePartition).ShouldBe(4, "a token item and a pair item per sender");
    }

    [Fact]
    public async Task Disposition_UnknownReverseAddress_IsRefusedLikeAnUnknownAlias()
    {
        var unknown = ReverseAddress.Create("example.com");
        var json = SesTestEvent.Create(DeliveryTestEvent.NewMessageId(), ReplyMessages.Owner, [unknown.Address], AllPass, "RequestResponse", "disposition");

        (await Harness.DisposeOfAsync(json)).ShouldBe(Stop);

        var recipient = Harness.Log.Last.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem();
        recipient.GetProperty("reason").GetString().ShouldBe("unknown");
    }

    [Fact]
    public async Task Reply_ToTheReverseAddressWithASubAddress_IsStillTheReply()
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);
        var tagged = $"{reverse.LocalPart}+later@{reverse.Domain}";

        var sent = await ReplyAsync(tagged, ReplyMessages.Reply(tagged, [1]), ReplyMessages.Owner, AllPass);

        sent.ShouldNotBeNull().ReadSendEmail().To.ShouldBe([DeliveryTestEvent.Sender]);
    }

    [Fact]
    public async Task Disposition_TheTokenOnAnotherDomain_IsUnknown()
    {
        var reverse = await ForwardAsync(DeliveryTestEvent.Sender);
        var elsewhere = $"{reverse.LocalPart}@other.example";
        var json = SesTestEvent.Create(DeliveryTestEvent.NewMessageId(), ReplyMessages.Owner, [elsewhere], AllPass, "RequestResponse", "disposition");

        (await Harness.DisposeOfAsync(json)).ShouldBe(Stop);

        Harness.Log.Last.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem().GetProperty("reason").GetString().ShouldBe("unknown");
    }

    /// <summary>Forwards one message from <paramref name="sender"/> and returns the reverse address of its Reply-To.</summary>
    private async Task<ReverseAddress> ForwardAsync(string sender)
    {
        var before = Harness.Ses.SendEmails.Count;
        var messageId = DeliveryTestEvent.NewMessageId();
        var original = Encoding.Latin1.GetString(TestMessages.WithAttachment([9, 9, 9])).Replace(DeliveryTestEvent.Sender, sender, StringComparison.Ordinal);
        await Harness.StoreAsync(messageId, Encoding.Latin1.GetBytes(original));
        await Harness.InvokeEventAsync(SesTestEvent.Create(messageId, sender, [Alias], AllPass, "Event", "delivery"));
        Harness.Ses.SendEmails.Count.ShouldBe(before + 1);
        var forward = Harness.Ses.SendEmails[^1].ReadSendEmail();
        var message = MimeMessage.Load(new MemoryStream(forward.RawMessage), TestContext.Current.CancellationToken);
        var replyTo = message.ReplyTo.Mailboxes.ShouldHaveSingleItem();
        replyTo.Address.ShouldMatch(ReverseForm().ToString());
        var at = replyTo.Address.IndexOf('@', StringComparison.Ordinal);
        ReverseAddress.TryParse(new ItemKey(replyTo.Address[(at + 1)..], replyTo.Address[..at]), out var reverse).ShouldBeTrue();
        return reverse;
    }

    /// <summary>The owner's reply through both handlers; the send to the correspondent, or null when nothing was sent.</summary>
    private async Task<Testing.Ses.SesRequest?> ReplyAsync(string reverse, byte[] reply, string envelopeSender, (string, string, string) verdicts)
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        (await Harness.DisposeOfAsync(SesTestEvent.Create(messageId, envelopeSender, [reverse], verdicts, "RequestResponse", "disposition")))
            .ShouldBe(Continue);
        return await DeliverAsync(messageId, reverse, reply, envelopeSender, verdicts);
    }

    private async Task<Testing.Ses.SesRequest?> DeliverAsync(string messageId, string reverse, byte[] reply, string envelopeSender, (string, string, string) verdicts)
    {
        var before = Harness.Ses.Requests.Count;
        await Harness.StoreAsync(messageId, reply);
        await Harness.InvokeEventAsync(SesTestEvent.Create(messageId, envelopeSender, [reverse], verdicts, "Event", "delivery"));
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse("a reply is sent or dropped, never left behind");
        return Harness.Ses.Requests.Skip(before).SingleOrDefault(r => r.IsSendEmail);
    }

    private void AssertDroppedAndLogged(string reason)
    {
        Harness.Ses.Requests.Count(r => r.IsSendBounce).ShouldBe(0);
        Harness.DispositionBounces.Requests.ShouldBeEmpty();
        var recipient = Harness.Log.Last.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem();
        recipient.GetProperty("status").GetString().ShouldBe("skipped");
        recipient.GetProperty("reason").GetString().ShouldNotBeNull().ShouldContain(reason);
        Harness.Log.Lines[^1].ShouldNotContain(ReplyMessages.Owner);
    }

    /// <summary>Every header of every entity, every decoded text part and the raw bytes: none holds any of <paramref name="secrets"/>.</summary>
    private static void AssertNowhere(MimeMessage message, byte[] raw, params string[] secrets)
    {
        var texts = new List<string>();
        texts.AddRange(message.Headers.Select(h => $"{h.Field}: {h.Value}"));
        foreach (var entity in message.BodyParts)
        {
            texts.AddRange(entity.Headers.Select(h => $"{h.Field}: {h.Value}"));
            if (entity is TextPart text)
            {
                texts.Add(text.Text);
            }
        }

        var rawText = Encoding.Latin1.GetString(raw);
        foreach (var secret in secrets)
        {
            texts.ShouldAllBe(t => !t.Contains(secret, StringComparison.OrdinalIgnoreCase));
            rawText.ShouldNotContain(secret, Case.Insensitive);
        }
    }

    private static async Task AssertAttachmentAsync(MimeMessage message, byte[] attachment)
    {
        var part = message.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        using var decoded = new MemoryStream();
        await part.Content.ShouldNotBeNull().DecodeToAsync(decoded, TestContext.Current.CancellationToken);
        decoded.ToArray().ShouldBe(attachment);
    }

    private async Task<long?> LastUsedAsync(ReverseAddress reverse)
    {
        var item = await Harness.Dynamo.GetItemAsync(Harness.Table, ItemKeyCodec.Encode(reverse.ItemKey), TestContext.Current.CancellationToken);
        return ReverseAliasItemCodec.Decode(item.Item).Record.ShouldNotBeNull().LastUsedDatetime;
    }

    [GeneratedRegex("^reply\\.[a-z2-7]{20}@example\\.com$")]
    private static partial Regex ReverseForm();
}
