using System.Text;
using System.Text.Json;
using MimeKit;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.S3;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// The sending reputation on real components (DynamoDB Local, s3rver, the loopback SES): for each
/// hostile input, what SES was asked to send and where the message ended up.
/// </summary>
public sealed class DeliveryReputationTests(DynamoDbLocalFixture dynamo, S3ServerFixture s3) : IAsyncLifetime
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
    public async Task Invoke_MessageThatLoopedBack_IsKeptInFailedAndNothingIsSent()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, Encoding.ASCII.GetBytes(
            "X-TacoMail-Alias: shop@example.com\r\nFrom: jane@sender.test\r\nSubject: again\r\n\r\nbody\r\n"));

        var response = JsonDocument.Parse(await Harness.InvokeAsync(messageId, ["shop@example.com"])).RootElement;

        Harness.Ses.Requests.ShouldBeEmpty();
        response.GetProperty("outcome").GetString().ShouldBe("gave-up");
        response.GetProperty("recipients")[0].GetProperty("status").GetString().ShouldBe("looped");
        (await Harness.ExistsAsync(Schema.Queue.MailBucketLayout.FailedKey(messageId))).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_ForwardThroughSes_NamesTheFeedbackAddressAndCarriesTheTrace()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment([1, 2, 3]));

        await Harness.InvokeAsync(messageId, ["shop@example.com"]);

        var sent = Harness.Ses.SendEmails.ShouldHaveSingleItem().ReadSendEmail();
        sent.FeedbackAddress.ShouldBe(DeliveryHarness.FeedbackAddress);
        var forwarded = MimeMessage.Load(new MemoryStream(sent.RawMessage), TestContext.Current.CancellationToken);
        forwarded.Headers["X-TacoMail-Alias"].ShouldBe("shop@example.com");
    }

    [Fact]
    public async Task Invoke_SesFeedbackReport_IsFiledInTheMailboxNeverForwarded()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        var report = Encoding.ASCII.GetBytes(
            "From: MAILER-DAEMON@amazonses.com\r\nSubject: Delivery Status Notification (Failure)\r\n\r\nreport\r\n");
        await Harness.StoreAsync(messageId, report);

        await Harness.InvokeAsync(messageId, [DeliveryHarness.FeedbackAddress]);

        Harness.Ses.Requests.ShouldBeEmpty();
        var key = (await Harness.KeysAsync("mailbox/example.com/feedback/new/")).ShouldHaveSingleItem();
        (await Harness.ReadAsync(key)).ShouldBe(report);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_FieldsSmuggledBehindBareLineEnds_NeverReachSes()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, Encoding.ASCII.GetBytes(
            "From: jane@sender.test\r\nSubject: hi\rReturn-Path: <evil@attacker.test>\r\n"
            + "X-Note: a\nX-SES-CONFIGURATION-SET: attacker\r\n\r\nbody\r\n"));

        await Harness.InvokeAsync(messageId, ["shop@example.com"]);

        var raw = Harness.Ses.SendEmails.ShouldHaveSingleItem().ReadSendEmail().RawMessage;
        var text = Encoding.ASCII.GetString(raw);
        var head = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        head.ShouldNotContain("Return-Path", Case.Insensitive);
        head.ShouldNotContain("X-SES-", Case.Insensitive);
        head.Replace("\r\n", "", StringComparison.Ordinal).IndexOfAny(['\r', '\n']).ShouldBe(-1);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_SettingsItemChanged_NextDeliveryUsesItWithoutARedeploy()
    {
        await Harness.PutSettingsAsync(DeliveryHarness.Settings with { FeedbackAddress = "reports@example.com" });
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment([4]));

        await Harness.InvokeAsync(messageId, ["shop@example.com"]);

        Harness.Ses.SendEmails.ShouldHaveSingleItem().ReadSendEmail().FeedbackAddress.ShouldBe("reports@example.com");
    }
}
