using System.Text;
using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed partial class DeliveryHandlerTests
{
    [Fact]
    public async Task Invoke_MessageOverSesLimit_BouncesAsTooLargeAndMovesItToFailed()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Options = _harness.Options with { MaxMessageBytes = 100 };

        var response = await _harness.InvokeAsync("shop+x@example.com");

        _harness.Sender.Sent.ShouldBeEmpty();
        var bounce = _harness.Bounces.Requests.ShouldHaveSingleItem();
        bounce.OriginalMessageId.ShouldBe(DeliveryHarness.MessageId);
        bounce.Recipients.ShouldBe(["shop+x@example.com"]);
        bounce.BounceType.ShouldBe("MessageTooLarge");
        response.GetProperty("outcome").GetString().ShouldBe("gave-up");
        _harness.Store.Content(DeliveryHarness.FailedKey).ShouldBe(TestMessage.Simple());
        var recipient = response.GetProperty("recipients")[0];
        recipient.GetProperty("status").GetString().ShouldBe("too-large");
        recipient.GetProperty("reason").GetString()!.ShouldEndWith("bounced to the sender");
        _harness.LastLog.GetProperty("level").GetString().ShouldBe("error");
    }

    [Fact]
    public async Task Invoke_MessageOverSesLimitFromForgedSender_DoesNotBounce()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Options = _harness.Options with { MaxMessageBytes = 100 };

        var response = await _harness.InvokeJsonAsync(DeliveryHarness.Event(["shop@example.com"], verdict: "FAIL"));

        _harness.Bounces.Requests.ShouldBeEmpty();
        response.GetProperty("recipients")[0].GetProperty("reason").GetString()!.ShouldEndWith("bounce suppressed: sender not authenticated");
        _harness.Store.Contains(DeliveryHarness.FailedKey).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_BounceFails_StaysQueuedUntilTheSenderCanBeTold()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());
        _harness.Options = _harness.Options with { MaxMessageBytes = 100 };
        _harness.Bounces.Failure = new SesException("down");

        (await _harness.InvokeAsync("shop@example.com")).GetProperty("outcome").GetString().ShouldBe("queued");
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeTrue();

        _harness.Bounces.Failure = null;
        var sweep = await _harness.SweepAsync(TimeSpan.FromMinutes(5));

        sweep.GetProperty("gaveUp").GetInt32().ShouldBe(1);
        // The first request is the one SES failed; the sweep's went through.
        _harness.Bounces.Requests.Select(r => r.BounceType).ShouldBe(["MessageTooLarge", "MessageTooLarge"]);
        _harness.Store.Contains(DeliveryHarness.FailedKey).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_HeaderBlockTooLargeToRewrite_RejectsAndMovesItToFailed()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Create("X-Huge: " + new string('a', 1_100_000)));

        var response = await _harness.InvokeAsync("shop@example.com");

        DeliveryHarness.Statuses(response).ShouldBe(["rejected"]);
        response.GetProperty("outcome").GetString().ShouldBe("gave-up");
        _harness.Store.Contains(DeliveryHarness.FailedKey).ShouldBeTrue();
    }

    [Fact]
    public async Task Invoke_MalformedEvent_LogsAndAnswersWithoutThrowing()
    {
        var response = await _harness.InvokeJsonAsync("{\"Records\":[]}");

        response.GetProperty("outcome").GetString().ShouldBe("malformed-event");
        _harness.LastLog.GetProperty("errors")[0].GetString()!.ShouldContain("no Records");
    }

    [Fact]
    public async Task Invoke_Always_LogsOneLineWithoutSubjectOrDestination()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("shop@example.com");

        var line = _harness.Log.Lines.ShouldHaveSingleItem();
        line.ShouldNotContain("Private subject");
        line.ShouldNotContain(DeliveryHarness.Destination);
        var entry = _harness.LastLog;
        entry.GetProperty("handler").GetString().ShouldBe("delivery");
        entry.GetProperty("messageBytes").GetInt64().ShouldBe(Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(TestMessage.Simple())));
        entry.GetProperty("recipients")[0].GetProperty("destination").GetString().ShouldBe("email");
    }
}
