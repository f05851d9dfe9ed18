using TacoMail.Lambda.Tests.Events;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Tests.Disposition;

public sealed partial class DispositionFunctionTests
{
    [Fact]
    public async Task Invoke_SeveralBadRecipients_OneBounceListingEachAsReceived()
    {
        await _harness.InvokeAsync(TestEvent.To("Old+X@Example.com", "nobody@example.com", "shop@example.com"));

        var request = _harness.Ses.Requests.ShouldHaveSingleItem();
        request.OriginalMessageId.ShouldBe(TestEvent.MessageId);
        request.BounceSender.ShouldBe("mailer-daemon@example.com");
        request.Recipients.ShouldBe(["Old+X@Example.com", "nobody@example.com"]);

        var bounce = _harness.LogEntry.GetProperty("bounce");
        bounce.GetProperty("status").GetString().ShouldBe("sent");
        bounce.GetProperty("recipients").GetInt32().ShouldBe(2);
        bounce.GetProperty("bounceMessageId").GetString().ShouldBe("bounce-message-id");
    }

    [Theory]
    [InlineData("PASS", "FAIL", "PASS")]
    [InlineData("FAIL", "PASS", null)]
    [InlineData("PASS", null, "GRAY")]
    public async Task Invoke_AuthenticatedSender_IsBounced(string? spf, string? dkim, string? dmarc)
    {
        var json = TestEvent.Full().WithRecipients("nobody@example.com")
            .WithVerdict("spfVerdict", spf).WithVerdict("dkimVerdict", dkim).WithVerdict("dmarcVerdict", dmarc).ToJson();

        (await _harness.InvokeAsync(json)).ShouldBe(Stop);

        _harness.Ses.Requests.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("FAIL", "FAIL", "PASS")]
    [InlineData("PASS", "PASS", "FAIL")]
    [InlineData(null, null, null)]
    [InlineData("GRAY", "PROCESSING_FAILED", null)]
    public async Task Invoke_UnauthenticatedSender_DropsInsteadOfBouncing(string? spf, string? dkim, string? dmarc)
    {
        var json = TestEvent.Full().WithRecipients("nobody@example.com", "old@example.com")
            .WithVerdict("spfVerdict", spf).WithVerdict("dkimVerdict", dkim).WithVerdict("dmarcVerdict", dmarc).ToJson();

        (await _harness.InvokeAsync(json)).ShouldBe(Stop);

        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.LoggedOutcomes().Values.ShouldAllBe(o => o == "bounce-suppressed");
        var bounce = _harness.LogEntry.GetProperty("bounce");
        bounce.GetProperty("status").GetString().ShouldBe("suppressed");
        bounce.GetProperty("reason").GetString().ShouldBe("bounce suppressed: sender not authenticated");
        _harness.LoggedErrors().ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_BouncePolicyAlways_BouncesUnauthenticatedSenders()
    {
        _harness.Settings = DispositionHarness.DefaultSettings with { Policy = MessagePolicy.Default with { Bounce = BouncePolicy.Always } };

        await _harness.InvokeAsync(TestEvent.Full().WithRecipients("nobody@example.com").Unauthenticated().ToJson());

        _harness.Ses.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Invoke_BouncePolicyNever_NeverBounces()
    {
        _harness.Settings = DispositionHarness.DefaultSettings with
        {
            BounceSender = null,
            Policy = MessagePolicy.Default with { Bounce = BouncePolicy.Never },
        };

        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com"))).ShouldBe(Stop);

        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.LogEntry.GetProperty("bounce").GetProperty("reason").GetString().ShouldBe("bounce suppressed: bounce policy never");
    }

    [Fact]
    public async Task Invoke_NoBounceDue_LogsNoBounce()
    {
        await _harness.InvokeAsync(TestEvent.To("shop@example.com"));

        _harness.LogEntry.GetProperty("bounce").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}
