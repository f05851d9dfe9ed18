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
    [InlineData("PASS", null, null)]
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
    [InlineData("FAIL", "PASS", null)]
    [InlineData("FAIL", "PASS", "PASS")]
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
    public async Task Invoke_DkimSignedByAttackerWithForgedMailFrom_VictimGetsNoBounce()
    {
        // The attacker's own domain signs (DKIM pass); MAIL FROM names a victim, whose SPF fails.
        var json = TestEvent.Full().WithRecipients("nobody@example.com").WithSource("victim@innocent.test")
            .WithVerdict("spfVerdict", "FAIL").WithVerdict("dkimVerdict", "PASS").WithVerdict("dmarcVerdict", null).ToJson();

        (await _harness.InvokeAsync(json)).ShouldBe(Stop);

        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.LoggedOutcomes()["nobody@example.com"].ShouldBe("bounce-suppressed");
    }

    [Theory]
    [InlineData("<>", null, null, "null sender <>")]
    [InlineData("MAILER-DAEMON@mx.sender.test", null, null, "sender is MAILER-DAEMON or postmaster")]
    [InlineData("postmaster@sender.test", null, null, "sender is MAILER-DAEMON or postmaster")]
    [InlineData("jane@sender.test", "Auto-Submitted", "auto-replied", "automatic message (Auto-Submitted)")]
    [InlineData("jane@sender.test", "Precedence", "bulk", "bulk mail (Precedence: bulk, junk or list)")]
    [InlineData("jane@sender.test", "List-Id", "<news.sender.test>", "mailing-list message (List-Id)")]
    public async Task Invoke_AutomaticOrDaemonSenderUnderPolicyAlways_NeverGetsABounce(
        string source, string? header, string? value, string reason)
    {
        _harness.Settings = DispositionHarness.DefaultSettings with { Policy = MessagePolicy.Default with { Bounce = BouncePolicy.Always } };
        var message = TestEvent.Full().WithRecipients("nobody@example.com").WithSource(source);
        if (header is not null)
        {
            message.WithHeader(header, value!);
        }

        (await _harness.InvokeAsync(message.ToJson())).ShouldBe(Stop);

        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.LogEntry.GetProperty("bounce").GetProperty("reason").GetString().ShouldBe($"bounce suppressed: {reason}");
        _harness.LoggedErrors().ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_AutoSubmittedNo_IsStillBounced()
    {
        var json = TestEvent.Full().WithRecipients("nobody@example.com").WithHeader("Auto-Submitted", "no").ToJson();

        (await _harness.InvokeAsync(json)).ShouldBe(Stop);

        _harness.Ses.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Invoke_NoSettingsItem_NeverBouncesAndSaysSoInTheLog()
    {
        _harness.Settings = null;

        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com"))).ShouldBe(Stop);

        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.LoggedOutcomes()["nobody@example.com"].ShouldBe("bounce-suppressed");
        _harness.LogEntry.GetProperty("settings").GetString()!.ShouldStartWith("no settings item in the table");
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
