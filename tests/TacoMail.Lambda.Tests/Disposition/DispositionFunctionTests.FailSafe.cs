using System.Text;
using Amazon.DynamoDBv2.Model;
using TacoMail.Lambda.Ses;
using TacoMail.Lambda.Tests.Events;

namespace TacoMail.Lambda.Tests.Disposition;

public sealed partial class DispositionFunctionTests
{
    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"Records\":[{\"ses\":")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"Records\":\"nope\"}")]
    public async Task Invoke_GarbageJson_ContinuesAndLogs(string body)
    {
        (await _harness.InvokeAsync(body)).ShouldBe(Continue);

        _harness.LoggedErrors().ShouldHaveSingleItem().ShouldStartWith("malformed event: ");
        _harness.Dynamo.BatchGets.ShouldBeEmpty();
        _harness.Ses.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_BinaryGarbage_Continues() =>
        (await _harness.InvokeAsync([0xff, 0xfe, 0x00, 0x12])).ShouldBe(Continue);

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"Records\":[]}")]
    public async Task Invoke_NoRecords_Continues(string body)
    {
        (await _harness.InvokeAsync(body)).ShouldBe(Continue);

        _harness.LoggedErrors().ShouldBe(["malformed event: no Records"]);
    }

    [Fact]
    public async Task Invoke_NoRecipients_Continues()
    {
        (await _harness.InvokeAsync(TestEvent.Full().WithRecipients().ToJson())).ShouldBe(Continue);

        _harness.LoggedErrors().ShouldBe(["malformed event: no recipients in ses.receipt.recipients"]);
        _harness.LogEntry.GetProperty("messageId").GetString().ShouldBe(TestEvent.MessageId);
    }

    [Fact]
    public async Task Invoke_DynamoDbThrows_ContinuesWithoutBouncing()
    {
        _harness.Dynamo.BatchGetFailure = new InternalServerErrorException("Internal server error");

        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com", "old@example.com"))).ShouldBe(Continue);

        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.Dynamo.Updates.ShouldBeEmpty();
        _harness.LoggedErrors().ShouldBe(["lookup failed: InternalServerErrorException: Internal server error"]);
        var logged = _harness.LogEntry.GetProperty("recipients")[0];
        logged.GetProperty("lookup").GetString().ShouldBe("failed");
        logged.GetProperty("outcome").GetString().ShouldBe("deliver");
        logged.GetProperty("reason").GetString().ShouldBe("fail-safe");
    }

    [Fact]
    public async Task Invoke_DynamoDbUnreachable_Continues()
    {
        _harness.Dynamo.BatchGetFailure = new HttpRequestException("Connection refused (127.0.0.1:1)");

        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com"))).ShouldBe(Continue);
        _harness.Ses.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_UnprocessedKeysOnce_RetriesAndDecides()
    {
        _harness.Dynamo.UnprocessedAnswers = 1;

        (await _harness.InvokeAdvancingAsync(TestEvent.To("quiet@example.com"), TimeSpan.FromMilliseconds(100))).ShouldBe(Stop);

        _harness.Dynamo.BatchGets.Count.ShouldBe(2);
        _harness.LoggedErrors().ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_ThrottledPastRetries_Continues()
    {
        _harness.Dynamo.UnprocessedAnswers = int.MaxValue;

        (await _harness.InvokeAdvancingAsync(TestEvent.To("nobody@example.com"), TimeSpan.FromMilliseconds(100))).ShouldBe(Continue);

        _harness.Dynamo.BatchGets.Count.ShouldBe(1 + TacoMail.MailPath.Recipients.AliasBatchReader.MaxRetries);
        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.LoggedErrors().ShouldHaveSingleItem().ShouldContain("still unprocessed after");
    }

    [Fact]
    public async Task Invoke_SesFails_ContinuesSoTheMessageIsStored()
    {
        _harness.Ses.Failure = new SesException("Service unavailable", "ServiceUnavailable", 503);

        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com"))).ShouldBe(Continue);

        _harness.Ses.Requests.ShouldHaveSingleItem();
        var bounce = _harness.LogEntry.GetProperty("bounce");
        bounce.GetProperty("status").GetString().ShouldBe("failed");
        _harness.LoggedErrors().ShouldBe(["bounce not sent: SesException: Service unavailable"]);
        _harness.LoggedOutcomes()["nobody@example.com"].ShouldBe("bounce");
    }

    [Fact]
    public async Task Invoke_DeadlinePassed_ContinuesWithoutAnyCall()
    {
        _harness.TimeLeft = TimeSpan.FromSeconds(-1);

        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com"))).ShouldBe(Continue);

        _harness.Dynamo.BatchGets.ShouldBeEmpty();
        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.LoggedErrors().ShouldHaveSingleItem().ShouldStartWith("deadline near (0.0 s left): lookup skipped");
        _harness.LogEntry.GetProperty("recipients")[0].GetProperty("lookup").GetString().ShouldBe("skipped");
    }

    [Fact]
    public async Task Invoke_LessThanASecondLeft_ContinuesWithoutAnyCall()
    {
        _harness.TimeLeft = TimeSpan.FromMilliseconds(900);

        (await _harness.InvokeAsync(TestEvent.To("shop@example.com"))).ShouldBe(Continue);

        _harness.Dynamo.BatchGets.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_DynamoDbHangs_CancelledBeforeTheDeadline()
    {
        _harness.TimeLeft = TimeSpan.FromSeconds(3);
        _harness.Dynamo.BatchGetHangs = true;

        var invocation = _harness.InvokeAsync(TestEvent.To("nobody@example.com"));
        await _harness.Dynamo.BatchGetStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        _harness.Time.Advance(TimeSpan.FromSeconds(2.4));
        invocation.IsCompleted.ShouldBeFalse();
        _harness.Time.Advance(TimeSpan.FromSeconds(0.1));

        (await invocation.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).ShouldBe(Continue);
        _harness.LoggedErrors().ShouldBe(["lookup failed: timed out (deadline near) or cancelled"]);
        _harness.LogEntry.GetProperty("durationMs").GetInt64().ShouldBe(2500);
    }

    [Fact]
    public async Task Invoke_SlowLookupLeavesUnderASecond_SkipsBounceAndCountingAndContinues()
    {
        _harness.TimeLeft = TimeSpan.FromSeconds(1.4);
        _harness.Dynamo.DuringBatchGet = () => _harness.Time.Advance(TimeSpan.FromSeconds(0.5));

        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com", "quiet@example.com"))).ShouldBe(Continue);

        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.Dynamo.Updates.ShouldBeEmpty();
        _harness.LogEntry.GetProperty("bounce").GetProperty("status").GetString().ShouldBe("skipped");
        _harness.LoggedErrors().ShouldBe(
        [
            "bounce not sent: deadline near (0.9 s left)",
            "deadline near (0.9 s left): use_count not incremented for 1 alias(es)",
        ]);
    }

    [Fact]
    public async Task Invoke_Response_IsExactlyTheDispositionJson()
    {
        var response = await _harness.InvokeAsync(Encoding.UTF8.GetBytes(TestEvent.To("shop@example.com")));

        response.ShouldBe("""{"disposition":"CONTINUE"}""");
    }
}
