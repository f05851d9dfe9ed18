using System.Text.Json;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.Lambda;
using TacoMail.Testing.S3;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// <c>invoke --handler delivery</c> as users run it: the built Lambda as a process, configured only
/// by environment variables, against DynamoDB Local, s3rver and the loopback SES.
/// </summary>
public sealed class DeliveryInvokeProcessTests(DynamoDbLocalFixture dynamo, S3ServerFixture s3) : IAsyncLifetime
{

    private readonly TemporaryDirectory _directory = new();
    private DeliveryHarness? _harness;

    private DeliveryHarness Harness => _harness ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        _harness = await DeliveryHarness.CreateAsync(dynamo, s3);
        await Harness.PutAliasAsync("shop@example.com", "owner@destination.test");
        await Harness.PutAliasAsync("newsletters@example.com", "S3");
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Invoke_DeliveryHandlerThroughTheCatalog_ForwardsFilesAndPrintsTheOutcome()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment(TestMessages.RandomBytes(10_000, seed: 4)));
        var eventFile = Path.Combine(_directory.Path, "event.json");
        await File.WriteAllTextAsync(
            eventFile,
            DeliveryTestEvent.Create(messageId, ["shop@example.com", "newsletters@example.com"]),
            TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await RunAsync(["invoke", "--handler", "delivery", "--event", eventFile]);

        exitCode.ShouldBe(0, error);
        var response = JsonDocument.Parse(output).RootElement;
        response.GetProperty("outcome").GetString().ShouldBe("delivered");
        response.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("status").GetString()).ShouldBe(["forwarded", "filed"]);
        Harness.Ses.SendEmails.ShouldHaveSingleItem().ReadSendEmail().From.ShouldBe("shop@example.com");
        (await Harness.KeysAsync("mailbox/example.com/newsletters/new/")).Count.ShouldBe(1);
        var log = JsonDocument.Parse(error.Trim().Split('\n').Last(l => !l.StartsWith("{\"_aws\":", StringComparison.Ordinal))).RootElement;
        log.GetProperty("handler").GetString().ShouldBe("delivery");
        log.GetProperty("messageId").GetString().ShouldBe(messageId);
    }

    [Fact]
    public async Task Invoke_ScheduledEvent_SweepsTheQueueAndDeliversWhatWaited()
    {
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(messageId, TestMessages.WithAttachment(TestMessages.RandomBytes(2_000, seed: 5)));
        Harness.DynamoFault = new Amazon.DynamoDBv2.AmazonDynamoDBClient(
            new Amazon.Runtime.BasicAWSCredentials("x", "y"),
            new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        JsonDocument.Parse(await Harness.InvokeAsync(messageId, ["shop@example.com"])).RootElement
            .GetProperty("outcome").GetString().ShouldBe("queued");
        var eventFile = Path.Combine(_directory.Path, "schedule.json");
        await File.WriteAllTextAsync(eventFile, DeliveryTestEvent.Schedule, TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await RunAsync(["invoke", "--handler", "delivery", "--event", eventFile]);

        exitCode.ShouldBe(0, error);
        var sweep = JsonDocument.Parse(output).RootElement;
        sweep.GetProperty("attempted").GetInt32().ShouldBe(1);
        sweep.GetProperty("delivered").GetInt32().ShouldBe(1);
        Harness.Ses.SendEmails.ShouldHaveSingleItem().ReadSendEmail().To.ShouldBe(["owner@destination.test"]);
        (await Harness.ExistsAsync(DeliveryHarness.IncomingKey(messageId))).ShouldBeFalse();
        error.ShouldContain("\"QueueOldestAgeSeconds\"");
    }

    [Fact]
    public async Task Invoke_ForwardThenTheOwnersReply_BothThroughTheProcess_ReplyGoesFromTheAlias()
    {
        var forwardId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(forwardId, TestMessages.WithAttachment([1, 2, 3]));
        var forwardEvent = Path.Combine(_directory.Path, "forward.json");
        await File.WriteAllTextAsync(forwardEvent, DeliveryTestEvent.Create(forwardId, ["shop@example.com"]), TestContext.Current.CancellationToken);
        (await RunAsync(["invoke", "--handler", "delivery", "--event", forwardEvent])).ExitCode.ShouldBe(0);
        var forward = MimeKit.MimeMessage.Load(
            new MemoryStream(Harness.Ses.SendEmails.ShouldHaveSingleItem().ReadSendEmail().RawMessage), TestContext.Current.CancellationToken);
        var reverse = forward.ReplyTo.Mailboxes.ShouldHaveSingleItem().Address;
        var replyId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreAsync(replyId, ReplyMessages.Reply(reverse, [4, 5, 6], "koi8-r", text: "Спасибо"));
        var replyEvent = Path.Combine(_directory.Path, "reply.json");
        await File.WriteAllTextAsync(
            replyEvent,
            Lambda.SesTestEvent.Create(replyId, ReplyMessages.Owner, [reverse], ("PASS", "PASS", "PASS"), "Event", "delivery"),
            TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await RunAsync(["invoke", "--handler", "delivery", "--event", replyEvent]);

        exitCode.ShouldBe(0, error);
        JsonDocument.Parse(output).RootElement.GetProperty("recipients")[0].GetProperty("status").GetString().ShouldBe("replied");
        var sent = Harness.Ses.SendEmails[^1].ReadSendEmail();
        sent.From.ShouldBe("shop@example.com");
        sent.To.ShouldBe([DeliveryTestEvent.Sender]);
        System.Text.Encoding.Latin1.GetString(sent.RawMessage).ShouldNotContain(ReplyMessages.OwnerDomain, Case.Insensitive);
        error.ShouldNotContain(ReplyMessages.Owner);
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyList<string> args) =>
        LambdaProcess.RunAsync(Harness.ProcessEnvironment(), args, clearAws: false, TestContext.Current.CancellationToken);
}
