using System.Text.Json;
using MimeKit;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.S3;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>Forwarding through the loopback SES, read back with MimeKit: rewritten headers, untouched body.</summary>
public sealed class DeliveryForwardingTests(DynamoDbLocalFixture dynamo, S3ServerFixture s3) : IAsyncLifetime
{
    private DeliveryHarness? _harness;

    private DeliveryHarness Harness => _harness ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        _harness = await DeliveryHarness.CreateAsync(dynamo, s3);
        await Harness.PutAliasAsync("shop@example.com", "owner@destination.test");
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Invoke_ActiveAlias_ForwardsRewrittenHeadersAndIdenticalBody()
    {
        var attachment = TestMessages.RandomBytes(200_000, seed: 1);
        var original = TestMessages.WithAttachment(attachment);
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, original);

        var response = await Harness.InvokeAsync(messageId, ["Shop+News@Example.com"]);

        JsonDocument.Parse(response).RootElement.GetProperty("outcome").GetString().ShouldBe("delivered");
        var sent = Harness.Ses.SendEmails.ShouldHaveSingleItem().ReadSendEmail();
        sent.From.ShouldBe("shop@example.com");
        sent.To.ShouldBe(["owner@destination.test"]);
        TestMessages.Split(sent.RawMessage).Body.ShouldBe(TestMessages.Split(original).Body);

        var forwarded = MimeMessage.Load(new MemoryStream(sent.RawMessage), TestContext.Current.CancellationToken);
        var from = forwarded.From.Mailboxes.ShouldHaveSingleItem();
        from.Name.ShouldBe("Jane Doe via TacoMail");
        from.Address.ShouldBe("shop@example.com");
        // Replies go through a reverse address named after the sender (ReplyRoundTripTests follows one).
        var replyTo = forwarded.ReplyTo.Mailboxes.ShouldHaveSingleItem();
        replyTo.Name.ShouldBe("Jane Doe");
        replyTo.Address.ShouldMatch(@"^reply\.[a-z2-7]{20}@example\.com$");
        forwarded.Headers["X-TacoMail-Alias"].ShouldBe("shop@example.com");
        forwarded.Headers.Contains("DKIM-Signature").ShouldBeFalse();
        forwarded.Headers.Contains("Return-Path").ShouldBeFalse();
        forwarded.Headers.Contains("Sender").ShouldBeFalse();
        forwarded.Headers.Count(h => h.Field.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
        forwarded.Headers.Count(h => h.Field == "Received").ShouldBe(2);
        forwarded.Subject.ShouldBe(TestMessages.Subject);
        var part = forwarded.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        using var decoded = new MemoryStream();
        await part.Content.ShouldNotBeNull().DecodeToAsync(decoded, TestContext.Current.CancellationToken);
        decoded.ToArray().ShouldBe(attachment);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_Forward_LogsOneLineWithoutContent()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment([1, 2, 3]));

        await Harness.InvokeAsync(messageId, ["shop@example.com"]);

        var line = Harness.Log.Lines.ShouldHaveSingleItem();
        line.ShouldNotContain(TestMessages.Subject);
        line.ShouldNotContain("owner@destination.test");
        var entry = Harness.Log.Last;
        entry.GetProperty("level").GetString().ShouldBe("info");
        entry.GetProperty("messageId").GetString().ShouldBe(messageId);
        var recipient = entry.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem();
        recipient.GetProperty("status").GetString().ShouldBe("forwarded");
        recipient.GetProperty("sesMessageId").GetString().ShouldStartWith("ses-forward-");
    }

    [Fact]
    public async Task Invoke_S3Destination_FilesAnIdenticalCopyUnderTheMaildirName()
    {
        await Harness.PutAliasAsync("newsletters@example.com", "S3");
        var original = TestMessages.WithAttachment(TestMessages.RandomBytes(5_000, seed: 2));
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, original);

        await Harness.InvokeAsync(messageId, ["newsletters@example.com"]);

        var key = (await Harness.KeysAsync("mailbox/")).ShouldHaveSingleItem();
        key.ShouldStartWith("mailbox/example.com/newsletters/new/1746093600.T");
        key.ShouldEndWith(".tacomail");
        (await Harness.ReadAsync(key)).ShouldBe(original);
        Harness.Ses.Requests.ShouldBeEmpty();
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_PausedDisabledAndUnknownRecipients_DeliversToNoneAndDeletes()
    {
        await Harness.PutAliasAsync("quiet@example.com", "owner@destination.test", Schema.Model.AliasState.Paused);
        await Harness.PutAliasAsync("old@example.com", "owner@destination.test", Schema.Model.AliasState.Disabled);
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment([1]));

        await Harness.InvokeAsync(messageId, ["quiet@example.com", "old@example.com", "nobody@example.com"]);

        Harness.Ses.Requests.ShouldBeEmpty();
        Harness.Log.Last.GetProperty("recipients").EnumerateArray()
            .Select(r => r.GetProperty("reason").GetString()).ShouldBe(["paused", "disabled", "unknown"]);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
    }
}
