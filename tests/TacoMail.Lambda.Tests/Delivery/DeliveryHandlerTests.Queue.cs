using System.Text;
using MimeKit;
using TacoMail.Lambda.Delivery.Queue;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Ses;
using TacoMail.MailPath.Delivery;
using TacoMail.Schema.Queue;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>The queue on fakes: retries with backoff, expiry by bounce or DSN into failed/, claims, metrics.</summary>
public sealed partial class DeliveryHandlerTests
{
    [Fact]
    public async Task Sweep_StillFailingPastTheLifetimeWithinADay_BouncesAsTemporaryFailureAndMovesToFailed()
    {
        _harness.Alias("shop@example.com");
        _harness.Settings = Disposition.DispositionHarness.DefaultSettings with { QueueLifetime = TimeSpan.FromHours(2) };
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script[DeliveryHarness.Destination] = new SesException("down", null, 503);

        (await _harness.InvokeAsync("shop@example.com")).GetProperty("outcome").GetString().ShouldBe("queued");
        for (var i = 0; i < 6 && _harness.Store.Contains(DeliveryHarness.QueueEntryKey); i++)
        {
            _harness.Sender.Script[DeliveryHarness.Destination] = new SesException("down", null, 503);
            await _harness.SweepAsync(TimeSpan.FromMinutes(70));
        }

        var bounce = _harness.Bounces.Requests.ShouldHaveSingleItem();
        bounce.BounceType.ShouldBe("TemporaryFailure");
        bounce.Recipients.ShouldBe(["shop@example.com"]);
        _harness.Store.Content(DeliveryHarness.FailedKey).ShouldBe(TestMessage.Simple());
        _harness.Entry(failed: true).State.ShouldBe(QueueEntryState.Failed);
        _harness.Entry(failed: true).LastError!.ShouldStartWith("expired after");
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
        _harness.Store.Contains(DeliveryHarness.QueueEntryKey).ShouldBeFalse();
    }

    [Fact]
    public async Task Sweep_StillFailingAfterFiveDays_SendsADeliveryStatusNotificationNotASesBounce()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Dynamo.BatchGetFailure = new Amazon.DynamoDBv2.AmazonDynamoDBException("unavailable");
        (await _harness.InvokeAsync("shop@example.com")).GetProperty("outcome").GetString().ShouldBe("queued");

        _harness.Dynamo.BatchGetFailure = null;
        _harness.Sender.Script[DeliveryHarness.Destination] = new SesException("down", null, 503);
        _harness.Time.Advance(TimeSpan.FromDays(5));
        var sweep = await _harness.SweepAsync(TimeSpan.FromMinutes(1));

        sweep.GetProperty("gaveUp").GetInt32().ShouldBe(1);
        _harness.Bounces.Requests.ShouldBeEmpty();
        var dsn = _harness.Sender.Sent.Single(s => s.To == "jane@sender.test");
        dsn.From.ShouldBe("mailer-daemon@example.com");
        var report = MimeMessage.Load(new MemoryStream(dsn.Message), TestContext.Current.CancellationToken);
        report.Body!.ContentType.MimeType.ShouldBe("multipart/report");
        report.Body.ContentType.Parameters["report-type"].ShouldBe("delivery-status");
        report.Headers["Auto-Submitted"].ShouldBe("auto-replied");
        var status = Encoding.ASCII.GetString(dsn.Message);
        status.ShouldContain("Final-Recipient: rfc822; shop@example.com");
        status.ShouldContain("Status: 4.4.7");
        status.ShouldNotContain(DeliveryHarness.Destination);
        _harness.Store.Contains(DeliveryHarness.FailedKey).ShouldBeTrue();
    }

    [Fact]
    public async Task Sweep_ExpiredMessageFromAForgedSender_IsMovedToFailedWithoutTellingAnyone()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script[DeliveryHarness.Destination] = new SesException("down", null, 503);
        await _harness.InvokeJsonAsync(DeliveryHarness.Event(["shop@example.com"], verdict: "FAIL"));

        _harness.Sender.Script[DeliveryHarness.Destination] = new SesException("down", null, 503);
        _harness.Time.Advance(TimeSpan.FromDays(6));
        await _harness.SweepAsync(TimeSpan.FromMinutes(1));

        _harness.Bounces.Requests.ShouldBeEmpty();
        _harness.Sender.Sent.ShouldAllBe(s => s.To == DeliveryHarness.Destination);
        _harness.Store.Contains(DeliveryHarness.FailedKey).ShouldBeTrue();
        _harness.Entry(failed: true).LastError!.ShouldContain("bounce suppressed");
    }

    [Fact]
    public async Task Sweep_UnreadableEntry_IsReportedAndLeftWhereItIs()
    {
        _harness.Store.Put(MailBucketLayout.QueueEntryKey("broken1"), Encoding.UTF8.GetBytes("{not json"));

        var sweep = await _harness.SweepAsync(TimeSpan.FromMinutes(1));

        sweep.GetProperty("unreadable").GetInt32().ShouldBe(1);
        _harness.Store.Contains(MailBucketLayout.QueueEntryKey("broken1")).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_AnotherInvocationHoldsTheClaim_SendsNothingAndStaysQueued()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        await _harness.Claims.TryClaimAsync(DeliveryHarness.MessageId, Disposition.TestAliases.Key("shop@example.com"), CancellationToken.None);

        var response = await _harness.InvokeAsync("shop@example.com");

        _harness.Sender.Sent.ShouldBeEmpty();
        response.GetProperty("outcome").GetString().ShouldBe("queued");
        DeliveryHarness.Statuses(response).ShouldBe(["unresolved"]);
    }

    [Fact]
    public async Task Invoke_CrashAfterTheSendBeforeTheTag_RetrySeesTheClaimAndSendsNothing()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Store.NextPutTagsFailure = new IOException("killed");

        await _harness.InvokeAsync("shop@example.com");
        var sweep = await _harness.SweepAsync(TimeSpan.FromMinutes(5));

        _harness.Sender.Sent.ShouldHaveSingleItem();
        sweep.GetProperty("delivered").GetInt32().ShouldBe(1);
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_Forward_WritesEmbeddedMetricsPerDomainAndOverall()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("shop@example.com");

        var metric = System.Text.Json.JsonDocument.Parse(_harness.Log.MetricLines.ShouldHaveSingleItem()).RootElement;
        var directive = metric.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        directive.GetProperty("Namespace").GetString().ShouldBe("TacoMail");
        directive.GetProperty("Dimensions").GetRawText().ShouldBe("""[["Domain"],[]]""");
        metric.GetProperty("Domain").GetString().ShouldBe("example.com");
        metric.GetProperty("Delivered").GetDouble().ShouldBe(1);
    }

    [Fact]
    public async Task Sweep_Always_WritesTheOldestAgeMetric()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Dynamo.BatchGetFailure = new Amazon.DynamoDBv2.AmazonDynamoDBException("unavailable");
        await _harness.InvokeAsync("shop@example.com");

        await _harness.SweepAsync(TimeSpan.FromMinutes(1));

        var age = System.Text.Json.JsonDocument.Parse(_harness.Log.MetricLines[^1]).RootElement;
        age.GetProperty("QueueOldestAgeSeconds").GetDouble().ShouldBe(65);
    }

    [Theory]
    [InlineData(1, 300)]
    [InlineData(2, 600)]
    [InlineData(4, 2400)]
    [InlineData(5, 4000)]
    [InlineData(40, 4000)]
    public void Backoff_Attempts_DoublesUpToPostfixsMaximum(int attempts, int seconds) =>
        QueueBackoff.After(attempts).ShouldBe(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event"}""", true)]
    [InlineData("""{"Records":[]}""", false)]
    [InlineData("""{"source":"aws.events","detail-type":"Other"}""", false)]
    [InlineData("not json", false)]
    public void ScheduledEvent_Json_IsRecognisedOnlyWhenItIsTheSchedule(string json, bool expected) =>
        ScheduledEvent.Is(Encoding.UTF8.GetBytes(json)).ShouldBe(expected);

    [Fact]
    public void SweepStale_LeftoverSpoolFiles_AreDeletedAndOthersKept()
    {
        var directory = Directory.CreateTempSubdirectory("tacomail-stale-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "tacomail-0123.eml"), "x");
            File.WriteAllText(Path.Combine(directory, "tacomail-send-0123.json"), "x");
            File.WriteAllText(Path.Combine(directory, "other.txt"), "x");

            TemporaryFiles.SweepStale(directory).ShouldBe(2);

            Directory.GetFiles(directory).Select(Path.GetFileName).ShouldBe(["other.txt"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Invoke_AfterEveryAttempt_LeavesNoSpoolFileBehind()
    {
        _harness.Alias("shop@example.com");
        _harness.Alias("bank@example.com", "other@destination.test");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Sender.Script["other@destination.test"] = new SesException("throttled", "TooManyRequestsException", 429);

        await _harness.InvokeAsync("shop@example.com", "bank@example.com");

        Directory.GetFiles(_harness.Options.TemporaryDirectory).ShouldBeEmpty();
    }
}
