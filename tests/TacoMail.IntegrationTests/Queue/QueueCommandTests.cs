using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Routing;
using TacoMail.Testing;
using TacoMail.Testing.S3;

namespace TacoMail.IntegrationTests.Queue;

/// <summary><c>tacomail queue</c> end to end: the real CLI against s3rver, with entries written by the schema's codec.</summary>
public sealed class QueueCommandTests(S3ServerFixture s3)
{
    private static readonly DateTimeOffset Now = CliRunner.Now;

    private readonly TestEnvironment _environment = new(new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = S3ServerFixture.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = S3ServerFixture.SecretKey,
        ["AWS_REGION"] = S3ServerFixture.Region,
    });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static QueueEntry Entry(string id, TimeSpan age, QueueEntryState state, int attempts, string? error, params string[] recipients) => new(
        id,
        Now - age,
        "jane@sender.example",
        recipients.Length == 0 ? ["shop@example.com"] : recipients,
        new MessageVerdicts(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass),
        [],
        state,
        attempts,
        Now + TimeSpan.FromMinutes(4),
        error);

    private async Task<string> BucketAsync()
    {
        var bucket = await s3.CreateBucketAsync("queue", Token);
        await PutEntryAsync(bucket, Entry("0000019a1b2c3d4e-queued-young", TimeSpan.FromMinutes(12), QueueEntryState.Queued, 1, "421 4.3.0 throttled"));
        await PutEntryAsync(bucket, Entry("0000019a1b2c3d4e-queued-older", TimeSpan.FromMinutes(130), QueueEntryState.Queued, 3,
            "421 4.4.2 timeout talking to the destination", "shop@example.com", "news@example.com"));
        await PutEntryAsync(bucket, Entry("0000019a1b2c3d4e-failed-oldest", TimeSpan.FromDays(5) + TimeSpan.FromHours(1), QueueEntryState.Failed, 9,
            "550 5.1.1 mailbox unavailable"));
        await s3.PutAsync(bucket, "incoming/0000019a1b2c3d4e-queued-young", Message("young"), Token);
        await s3.PutAsync(bucket, "incoming/0000019a1b2c3d4e-queued-older", Message("older"), Token);
        await s3.PutAsync(bucket, "failed/0000019a1b2c3d4e-failed-oldest", Message("oldest"), Token);
        await s3.Client.PutObjectTaggingAsync(
            new PutObjectTaggingRequest
            {
                BucketName = bucket,
                Key = "failed/0000019a1b2c3d4e-failed-oldest",
                Tagging = new Tagging { TagSet = [new Tag { Key = "tacomail-done-1", Value = "a1b2" }, new Tag { Key = "tacomail-state", Value = "finished" }] },
            },
            Token);
        await s3.PutAsync(bucket, "queue/0000019a1b2c3d4e-broken.json", Encoding.UTF8.GetBytes("{\"format_version\": 1, \"message_id\": "), Token);
        return bucket;
    }

    private Task PutEntryAsync(string bucket, QueueEntry entry) => s3.PutAsync(
        bucket,
        entry.State == QueueEntryState.Failed ? MailBucketLayout.FailedEntryKey(entry.MessageId) : MailBucketLayout.QueueEntryKey(entry.MessageId),
        QueueEntryCodec.Encode(entry),
        Token);

    private static byte[] Message(string name) =>
        Encoding.UTF8.GetBytes($"From: Jane <jane@sender.example>\r\nTo: shop@example.com\r\nSubject: {name}\r\n\r\nbody {name}\r\n");

    private Task<(int ExitCode, string Output)> Queue(string bucket, params string[] extra) =>
        CliRunner.RunAsync(_environment, new FakeTimeProvider(Now), ["queue", "--bucket", bucket, "--endpoint-s3", s3.Endpoint.AbsoluteUri, .. extra]);

    private async Task<QueueEntry> ReadEntryAsync(string bucket, string key)
    {
        using var response = await s3.Client.GetObjectAsync(bucket, key, Token);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, Token);
        QueueEntryCodec.TryDecode(buffer.ToArray(), out var entry, out var problem).ShouldBeTrue(problem);
        return entry!;
    }

    private async Task<List<string>> KeysAsync(string bucket)
    {
        var page = await s3.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }, Token);
        return [.. (page.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Queue_ListsEveryMessageOldestFirst_TheUnreadableEntry_AndTheSummary()
    {
        var bucket = await BucketAsync();

        var (exitCode, output) = await Queue(bucket);

        exitCode.ShouldBe(ExitCodes.Ok, output);
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        lines[0].ShouldBe($"reading the queue in s3://{bucket} at {s3.Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}");
        lines[1].ShouldStartWith("0000019a1b2c3d4e-failed-oldest     5 d 1 h  failed  attempts 9  next given up  to shop@example.com  from j***@sender.example");
        lines[2].ShouldBe(
            "0000019a1b2c3d4e-queued-older   2 h 10 min  queued  attempts 3  next in 4 min  to shop@example.com, news@example.com  " +
            "from j***@sender.example  (421 4.4.2 timeout talking to the destination)");
        lines[3].ShouldStartWith("0000019a1b2c3d4e-queued-young       12 min  queued  attempts 1");
        lines[4].ShouldStartWith("queue/0000019a1b2c3d4e-broken.json  unreadable: unreadable queue entry:");
        lines[5].ShouldBe("2 queued, 1 failed, 1 unreadable; oldest 5 d 1 h");
        output.ShouldNotContain("jane@sender.example");
        TestContext.Current.TestOutputHelper?.WriteLine(output);
    }

    [Fact]
    public async Task Queue_FormatJson_IsTheVersionedDocument()
    {
        var bucket = await BucketAsync();

        var (exitCode, output) = await Queue(bucket, "--format", "json", "--show-senders");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("format_version").GetString().ShouldBe("1");
        var messages = json.RootElement.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("id").GetString()).ShouldBe(
            ["0000019a1b2c3d4e-failed-oldest", "0000019a1b2c3d4e-queued-older", "0000019a1b2c3d4e-queued-young"]);
        messages[1].GetProperty("age_seconds").GetInt64().ShouldBe(130 * 60);
        messages[1].GetProperty("envelope_sender").GetString().ShouldBe("jane@sender.example");
        json.RootElement.GetProperty("unreadable").EnumerateArray().ShouldHaveSingleItem()
            .GetProperty("key").GetString().ShouldBe("queue/0000019a1b2c3d4e-broken.json");
    }

    [Fact]
    public async Task Retry_QueuedMessage_RewritesTheEntryDueNow()
    {
        var bucket = await BucketAsync();

        var (exitCode, output) = await Queue(bucket, "--retry", "0000019a1b2c3d4e-queued-older");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        var entry = await ReadEntryAsync(bucket, "queue/0000019a1b2c3d4e-queued-older.json");
        entry.NextAttemptAt.ShouldBe(Now);
        entry.Attempts.ShouldBe(3);
        entry.Recipients.ShouldBe(["shop@example.com", "news@example.com"]);
        output.ShouldContain("next attempt now (was in 4 min)");
    }

    [Fact]
    public async Task Retry_FailedMessage_MovesItBackToIncomingAndQueueWithoutTheFinishedTag()
    {
        var bucket = await BucketAsync();
        const string Id = "0000019a1b2c3d4e-failed-oldest";

        var (exitCode, output) = await Queue(bucket, "--retry", Id);

        exitCode.ShouldBe(ExitCodes.Ok, output);
        var keys = await KeysAsync(bucket);
        keys.ShouldNotContain($"failed/{Id}");
        keys.ShouldNotContain($"failed/{Id}.json");
        using (var body = await s3.Client.GetObjectAsync(bucket, $"incoming/{Id}", Token))
        using (var reader = new StreamReader(body.ResponseStream))
        {
            Encoding.UTF8.GetBytes(await reader.ReadToEndAsync(Token)).ShouldBe(Message("oldest"));
        }

        var tags = await s3.Client.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = bucket, Key = $"incoming/{Id}" }, Token);
        tags.Tagging.Select(t => (t.Key, t.Value)).ShouldBe([("tacomail-done-1", "a1b2")]);
        var entry = await ReadEntryAsync(bucket, $"queue/{Id}.json");
        (entry.State, entry.Attempts, entry.NextAttemptAt).ShouldBe((QueueEntryState.Queued, 0, Now));
        var listed = await Queue(bucket);
        listed.Output.ShouldContain("3 queued, 0 failed, 1 unreadable");
    }

    [Fact]
    public async Task Discard_PrintsWhatGoesThenDeletesTheMessageAndItsEntry()
    {
        var bucket = await BucketAsync();

        var (exitCode, output) = await Queue(bucket, "--discard", "0000019a1b2c3d4e-queued-young");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain("discarding queued message 0000019a1b2c3d4e-queued-young (received 2026-11-29 11:48Z, 12 min ago; to shop@example.com; from j***@sender.example; attempts 1)");
        output.ShouldContain("deleting incoming/0000019a1b2c3d4e-queued-young, queue/0000019a1b2c3d4e-queued-young.json");
        var keys = await KeysAsync(bucket);
        keys.ShouldNotContain("incoming/0000019a1b2c3d4e-queued-young");
        keys.ShouldNotContain("queue/0000019a1b2c3d4e-queued-young.json");
        keys.ShouldContain("incoming/0000019a1b2c3d4e-queued-older");
    }

    [Theory]
    [InlineData("--discard", "no-such-message", "--discard: no message 'no-such-message' waits in the bucket")]
    [InlineData("--retry", "../incoming/x", "--retry: '../incoming/x' is not a message id")]
    public async Task RetryOrDiscard_UnknownOrInvalidId_ExitsOneAndTouchesNothing(string option, string id, string message)
    {
        var bucket = await BucketAsync();
        var before = await KeysAsync(bucket);

        var (exitCode, output) = await Queue(bucket, option, id);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain(message);
        (await KeysAsync(bucket)).ShouldBe(before);
    }

    [Fact]
    public async Task Queue_NoBucket_NamesTheOptionAndTheVariable()
    {
        var (exitCode, output) = await CliRunner.RunAsync(_environment, "queue");

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("no mail bucket: pass --bucket NAME or set TACOMAIL_MAIL_BUCKET");
    }

    [Fact]
    public async Task Queue_EmptyBucket_SaysNothingWaits()
    {
        var bucket = await s3.CreateBucketAsync("queue", Token);

        var (exitCode, output) = await Queue(bucket);

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldEndWith("0 queued, 0 failed\n");
    }
}
