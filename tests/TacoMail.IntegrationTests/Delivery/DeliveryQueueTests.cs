using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using MimeKit;
using TacoMail.Schema.Queue;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.S3;
using TacoMail.Testing.Ses;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// The mail queue on real components (DynamoDB Local, s3rver, the loopback SES): concurrent
/// invocations, faults of each component in turn, and giving up — with, for every message, where
/// it ended: delivered once, told to the sender, or kept in failed/.
/// </summary>
public sealed class DeliveryQueueTests(DynamoDbLocalFixture dynamo, S3ServerFixture s3) : IAsyncLifetime
{
    private bool _sesDown;
    private bool _ownerDown;
    private DeliveryHarness? _harness;

    private DeliveryHarness Harness => _harness ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        _harness = await DeliveryHarness.CreateAsync(dynamo, s3, Answer);
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
    public async Task Invoke_TwoConcurrentInvocationsOfOneEvent_ForwardOnce()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment(TestMessages.RandomBytes(300_000, seed: 7)));

        var results = await Task.WhenAll(
            Harness.InvokeAsync(messageId, ["shop@example.com"]),
            Harness.InvokeAsync(messageId, ["shop@example.com"]));

        Harness.Ses.SendEmails.Count.ShouldBe(1);
        results.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("outcome").GetString())
            .ShouldContain("delivered");
        await SweepAfterAsync(TimeSpan.FromMinutes(5));
        Harness.Ses.SendEmails.Count.ShouldBe(1);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
        (await Harness.ExistsAsync(MailBucketLayout.QueueEntryKey(messageId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Faults_TableThenSesThenS3FailAndRecover_TheMessageIsDeliveredOnce()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        var original = TestMessages.WithAttachment([1, 2, 3]);
        await Harness.StoreAsync(messageId, original);

        // 1. The table is unreachable: nothing is decided blind; the message is queued.
        Harness.DynamoFault = UnreachableDynamo();
        Outcome(await Harness.InvokeAsync(messageId, ["shop@example.com"])).ShouldBe("queued");
        Harness.DynamoFault = null;
        await AssertQueuedAsync(messageId);

        // 2. SES answers 503: still queued, with the next attempt later.
        _sesDown = true;
        await SweepAfterAsync(TimeSpan.FromMinutes(5));
        LastOutcome(messageId).ShouldBe("queued");
        _sesDown = false;
        await AssertQueuedAsync(messageId);

        // 3. S3 is unreachable: the sweep cannot even list the queue; the invocation fails for a retry.
        Harness.S3Fault = UnreachableS3();
        await Should.ThrowAsync<Exception>(() => SweepAfterAsync(TimeSpan.FromMinutes(15)));
        Harness.S3Fault = null;
        await AssertQueuedAsync(messageId, waiting: false);

        // 4. Everything is back: delivered once, queue empty.
        var sweep = await SweepAfterAsync(TimeSpan.FromMinutes(1));
        sweep.GetProperty("delivered").GetInt32().ShouldBe(1);
        Harness.Ses.SendEmails.Select(c => c.ReadSendEmail().To[0]).Count(to => to == "owner@destination.test").ShouldBe(2);
        TestMessages.Split(Harness.Ses.SendEmails[^1].ReadSendEmail().RawMessage).Body.ShouldBe(TestMessages.Split(original).Body);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
        (await Harness.ExistsAsync(MailBucketLayout.QueueEntryKey(messageId))).ShouldBeFalse();
        (await Harness.ExistsAsync(MailBucketLayout.FailedKey(messageId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Sweep_UndeliverableForTheWholeLifetime_SenderGetsADsnAndTheMessageIsKeptInFailed()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        var original = TestMessages.WithAttachment([9]);
        await Harness.StoreAsync(messageId, original);
        _sesDown = true;
        Outcome(await Harness.InvokeAsync(messageId, ["shop@example.com"])).ShouldBe("queued");

        Harness.Time.Advance(TimeSpan.FromDays(5));
        _sesDown = false;
        Harness.DynamoFault = UnreachableDynamo();
        var sweep = await SweepAfterAsync(TimeSpan.FromMinutes(1));
        Harness.DynamoFault = null;

        // The table was down at the end, so no bounce sender was known: kept, nobody told.
        sweep.GetProperty("gaveUp").GetInt32().ShouldBe(1);
        (await Harness.ReadAsync(MailBucketLayout.FailedKey(messageId))).ShouldBe(original);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
        QueueEntryCodec.TryDecode(await Harness.ReadAsync(MailBucketLayout.FailedEntryKey(messageId)), out var entry, out _).ShouldBeTrue();
        entry!.State.ShouldBe(QueueEntryState.Failed);
    }

    [Fact]
    public async Task Sweep_ExpiredWithTheTableUp_SendsAMultipartReportFromTheBounceSender()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment([5]));
        _sesDown = true;
        Outcome(await Harness.InvokeAsync(messageId, ["shop@example.com"])).ShouldBe("queued");

        Harness.Time.Advance(TimeSpan.FromDays(5));
        _ownerDown = true;
        _sesDown = false;
        await SweepAfterAsync(TimeSpan.FromMinutes(1));

        var dsn = Harness.Ses.SendEmails.Select(c => c.ReadSendEmail()).Single(s => s.To[0] == DeliveryTestEvent.Sender);
        dsn.From.ShouldBe(DeliveryHarness.BounceSender);
        var report = MimeMessage.Load(new MemoryStream(dsn.RawMessage), TestContext.Current.CancellationToken);
        report.Body!.ContentType.MimeType.ShouldBe("multipart/report");
        Encoding.UTF8.GetString(dsn.RawMessage).ShouldNotContain("owner@destination.test");
        (await Harness.ExistsAsync(MailBucketLayout.FailedKey(messageId))).ShouldBeTrue();
    }

    private SesAnswer Answer(SesRequest call) =>
        _sesDown || (_ownerDown && call.IsSendEmail && call.ReadSendEmail().To[0] == "owner@destination.test")
            ? SesAnswer.Unavailable()
            : SesAnswer.Default(call);

    private async Task<JsonElement> SweepAfterAsync(TimeSpan later)
    {
        Harness.Time.Advance(later);
        return JsonDocument.Parse(await Harness.SweepAsync()).RootElement;
    }

    /// <summary>The outcome the last delivery log line for <paramref name="messageId"/> records.</summary>
    private string? LastOutcome(string messageId) => Harness.Log.Lines
        .Select(l => JsonDocument.Parse(l).RootElement)
        .Last(e => e.TryGetProperty("messageId", out var id) && id.GetString() == messageId)
        .GetProperty("outcome").GetString();

    private static string? Outcome(string response) => JsonDocument.Parse(response).RootElement.GetProperty("outcome").GetString();

    private async Task AssertQueuedAsync(string messageId, bool waiting = true)
    {
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeTrue();
        QueueEntryCodec.TryDecode(await Harness.ReadAsync(MailBucketLayout.QueueEntryKey(messageId)), out var entry, out var problem).ShouldBeTrue(problem);
        entry!.State.ShouldBe(QueueEntryState.Queued);
        if (waiting)
        {
            entry.NextAttemptAt.ShouldBeGreaterThan(Harness.Time.GetUtcNow());
        }
    }

    private static AmazonDynamoDBClient UnreachableDynamo() => new(
        new BasicAWSCredentials("tacomaillocal", "tacomaillocal"),
        new AmazonDynamoDBConfig { ServiceURL = $"http://127.0.0.1:{ClosedPort()}", AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    private static AmazonS3Client UnreachableS3() => new(
        new BasicAWSCredentials(S3ServerFixture.AccessKey, S3ServerFixture.SecretKey),
        new AmazonS3Config { ServiceURL = $"http://127.0.0.1:{ClosedPort()}", ForcePathStyle = true, AuthenticationRegion = S3ServerFixture.Region, MaxErrorRetry = 0 });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
