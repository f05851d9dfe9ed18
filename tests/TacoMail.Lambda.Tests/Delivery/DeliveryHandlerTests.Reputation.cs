using System.Text;
using MimeKit;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Tests.Disposition;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>
/// The sending reputation on fakes: no loops, feedback never forwarded, hostile header blocks
/// rewritten to one reading, and what becomes of the message in each case.
/// </summary>
public sealed partial class DeliveryHandlerTests
{
    [Fact]
    public async Task Invoke_MessageAlreadyForwardedForThisAlias_IsKeptInFailedNotForwardedAgain()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Create("""
            X-TacoMail-Alias: shop@example.com
            From: jane@sender.test
            Subject: came back
            """));

        var response = await _harness.InvokeAsync("shop@example.com");

        _harness.Sender.Sent.ShouldBeEmpty();
        _harness.Bounces.Requests.ShouldBeEmpty();
        response.GetProperty("outcome").GetString().ShouldBe("gave-up");
        var recipient = response.GetProperty("recipients")[0];
        recipient.GetProperty("status").GetString().ShouldBe("looped");
        recipient.GetProperty("reason").GetString()!.ShouldStartWith("mail loop");
        _harness.Store.Contains(DeliveryHarness.FailedKey).ShouldBeTrue();
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
        _harness.LastLog.GetProperty("level").GetString().ShouldBe("error");
    }

    [Fact]
    public async Task Invoke_MessageThatPassedThreeForwards_IsKept()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Create("""
            X-TacoMail-Alias: a@one.test
            X-TacoMail-Alias: b@two.test
            X-TacoMail-Alias: c@three.test
            From: jane@sender.test
            """));

        var response = await _harness.InvokeAsync("shop@example.com");

        _harness.Sender.Sent.ShouldBeEmpty();
        response.GetProperty("recipients")[0].GetProperty("status").GetString().ShouldBe("looped");
    }

    [Fact]
    public async Task Invoke_MessageForwardedOnceElsewhere_IsForwardedWithTheWholeTrace()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Create("""
            X-TacoMail-Alias: other@elsewhere.test
            From: jane@sender.test
            """));

        await _harness.InvokeAsync("shop@example.com");

        var forwarded = MimeMessage.Load(new MemoryStream(_harness.Sender.Sent.Single().Message), TestContext.Current.CancellationToken);
        forwarded.Headers.Where(h => h.Field == "X-TacoMail-Alias").Select(h => h.Value.Trim())
            .ShouldBe(["other@elsewhere.test", "shop@example.com"]);
    }

    [Fact]
    public async Task Invoke_Forward_CarriesTheFeedbackAddressSoReportsNeverReachTheAlias()
    {
        _harness.Alias("shop@example.com");
        _harness.Settings = DispositionHarness.DefaultSettings with { FeedbackAddress = "feedback@example.com" };
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("shop@example.com");

        _harness.Sender.Sent.Single().FeedbackAddress.ShouldBe("feedback@example.com");
    }

    [Fact]
    public async Task Invoke_MailToTheFeedbackAddress_IsFiledNeverForwarded()
    {
        // Even an alias item of the same name does not make feedback travel on.
        _harness.Alias("feedback@example.com");
        _harness.Settings = DispositionHarness.DefaultSettings with { FeedbackAddress = "feedback@example.com" };
        var report = TestMessage.Create("""
            From: MAILER-DAEMON@amazonses.com
            Subject: Delivery Status Notification (Failure)
            """);
        _harness.StoreMessage(report);

        var response = await _harness.InvokeAsync("feedback@example.com");

        _harness.Sender.Sent.ShouldBeEmpty();
        var key = _harness.Store.Keys.ShouldHaveSingleItem();
        key.ShouldStartWith("mailbox/example.com/feedback/new/");
        _harness.Store.Content(key).ShouldBe(report);
        response.GetProperty("recipients")[0].GetProperty("status").GetString().ShouldBe("filed");
        response.GetProperty("outcome").GetString().ShouldBe("delivered");
    }

    [Theory]
    [InlineData("Subject: hi\rReturn-Path: <evil@attacker.test>\r\n")]
    [InlineData("Subject: hi\nX-SES-CONFIGURATION-SET: attacker\r\n")]
    [InlineData("Subject: hi\r\rX-SES-CONFIGURATION-SET: attacker\r\n")]
    [InlineData("Subject: hi\r\n\rReturn-Path: <evil@attacker.test>\r\n")]
    public async Task Invoke_FieldHiddenBehindABareLineEnd_IsDroppedAndTheHeadIsCrLfOnly(string smuggled)
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(Encoding.ASCII.GetBytes("From: jane@sender.test\r\n" + smuggled + "To: shop@example.com\r\n\r\nbody\r\n"));

        await _harness.InvokeAsync("shop@example.com");

        var text = _harness.Sender.Sent.Single().Text;
        var head = text[..(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 2)];
        head.ShouldNotContain("Return-Path", Case.Insensitive);
        head.ShouldNotContain("X-SES-", Case.Insensitive);
        head.Replace("\r\n", "", StringComparison.Ordinal).IndexOfAny(['\r', '\n']).ShouldBe(-1);
        head.ShouldContain("Subject: hi\r\n");
        text.ShouldEndWith("\r\n\r\nbody\r\n");
    }

    [Fact]
    public async Task Invoke_HeaderLineOver998Octets_IsFoldedSoSesAcceptsIt()
    {
        _harness.Alias("shop@example.com");
        var references = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"<message-{i:D4}@sender.test>"));
        var token = new string('x', 1500);
        _harness.StoreMessage(TestMessage.Create($"From: jane@sender.test\nReferences: {references}\nX-Token: {token}"));

        await _harness.InvokeAsync("shop@example.com");

        var message = _harness.Sender.Sent.Single().Message;
        var text = Encoding.ASCII.GetString(message);
        text.Split("\r\n").ShouldAllBe(line => line.Length <= 998);
        var forwarded = MimeMessage.Load(new MemoryStream(message), TestContext.Current.CancellationToken);
        forwarded.Headers["References"]!.Replace("\r\n", "", StringComparison.Ordinal).Trim().ShouldBe(references);
        forwarded.Headers["X-Token"]!.Replace("\r\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ShouldBe(token);
    }

    [Fact]
    public async Task Invoke_DisplayNameWithBidiControls_ShowsNoFormatCharacters()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Create("From: =?utf-8?b?" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Bank\u202Egnp.exe\u200B")) + "?= <jane@sender.test>"));

        await _harness.InvokeAsync("shop@example.com");

        var forwarded = MimeMessage.Load(new MemoryStream(_harness.Sender.Sent.Single().Message), TestContext.Current.CancellationToken);
        var name = forwarded.From.Mailboxes.Single().Name;
        name.ShouldBe("Bankgnp.exe via TacoMail");
    }

    [Fact]
    public async Task Invoke_QuotedLocalPart_ReachesTheAlias()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("\"shop\"@example.com");

        _harness.Sender.Sent.ShouldHaveSingleItem().From.ShouldBe("shop@example.com");
    }

    [Fact]
    public async Task Invoke_AliasNamedWithASeparator_ExactMatchWinsOverStripping()
    {
        _harness.Alias("my@example.com", "stripped@destination.test");
        _harness.Dynamo.Put(TestAliasesFor("my+shop@example.com") with { Destination = "exact@destination.test" });
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("my+shop@example.com", "my+other@example.com");

        _harness.Sender.Sent.Select(s => (s.From, s.To)).ShouldBe(
            [("my+shop@example.com", "exact@destination.test"), ("my@example.com", "stripped@destination.test")], ignoreOrder: true);
    }

    [Fact]
    public async Task Invoke_SesRejectionNamingTheDestination_IsLoggedMasked()
    {
        _harness.Alias("shop@example.com");
        _harness.Sender.Script[DeliveryHarness.Destination] = SendResult.Rejected(
            "MessageRejected", $"Email address is not verified. The following identities failed the check: {DeliveryHarness.Destination}");
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("shop@example.com");

        var line = _harness.Log.Lines[^1];
        line.ShouldNotContain(DeliveryHarness.Destination);
        line.ShouldContain("o***@destination.test");
        _harness.Store.Contains(DeliveryHarness.FailedKey).ShouldBeTrue();
    }

    private static AliasRecord TestAliasesFor(string address) => TestAliases.Alias(address, AliasState.Active);
}
