using System.Net;
using System.Text;
using TacoMail.Smtp.Recipients;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// Slow and silent clients against the running server with a one-second idle timeout (SmtpServer's
/// sockets run on real time). Each test waits for the server to close, bounded; none measures how long it took.
/// </summary>
public sealed class TimeoutTests(DynamoDbLocalFixture dynamo)
{
    private static readonly SmtpLimits ShortIdle = SmtpLimits.Default with { IdleTimeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task Idle_SilentAfterTheGreeting_Deferred421AndClosed()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: ShortIdle);
        var (session, greeting) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var _ = session;
        greeting.ShouldStartWith("220 ");

        var rest = await session.ReadUntilClosedAsync();

        rest.ShouldBe("421 4.4.2 tacomail Error: timeout exceeded\r\n");
        harness.Log.ShouldContain("reason=idle-timeout");
        harness.Front.Connections.OpenFrom(IPAddress.Loopback).ShouldBe(0);
    }

    [Fact]
    public async Task Idle_SilentAfterACommand_Deferred421AndClosed()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: ShortIdle);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        (await session.CommandAsync("EHLO client.example")).ShouldStartWith("250");
        await session.SendAsync("MAIL FROM:<jane@sen");

        var rest = await session.ReadUntilClosedAsync();

        rest.ShouldStartWith("421 4.4.2 ");
    }

    [Fact]
    public async Task Data_ClientStopsInTheMiddleOfALine_Deferred421AndNothingQueued()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: ShortIdle);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        await session.CommandAsync("EHLO client.example");
        (await session.CommandAsync("MAIL FROM:<jane@sender.example>")).ShouldStartWith("250");
        (await session.CommandAsync("RCPT TO:<shop@example.com>")).ShouldStartWith("250");
        (await session.CommandAsync("DATA")).ShouldStartWith("354");
        await session.SendAsync("Subject: slow\r\n\r\nthe first line\r\nhalf of the sec");

        var rest = await session.ReadUntilClosedAsync();

        rest.ShouldBe("421 4.4.2 tacomail Error: timeout exceeded\r\n");
        harness.Queued(".eml").ShouldBeEmpty();
        harness.Queued(".json").ShouldBeEmpty();
        Directory.GetFiles(harness.Spool.Tmp).ShouldBeEmpty();
        harness.Log.ShouldNotContain("decision=queued");
    }

    [Fact]
    public async Task Session_OverTheSessionTimeoutInsideData_Deferred421NeverRejectedAndNothingQueued()
    {
        var limits = SmtpLimits.Default with { IdleTimeout = TimeSpan.FromMinutes(5), SessionTimeout = TimeSpan.FromSeconds(1) };
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: limits);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;

        // All at once, so the test does not depend on how much of the second the recipient lookup takes.
        await session.SendAsync(
            "EHLO client.example\r\nMAIL FROM:<jane@sender.example>\r\nRCPT TO:<shop@example.com>\r\nDATA\r\nSubject: too long\r\n\r\nstill sending");
        var replies = await session.ReadUntilClosedAsync();

        // SmtpServer's own session timeout would answer 554 inside DATA, and the sender would bounce the message.
        replies.ShouldEndWith("421 4.4.2 tacomail Error: timeout exceeded\r\n");
        replies.ShouldNotContain("\n5");
        harness.Queued(".eml").ShouldBeEmpty();
        harness.Log.ShouldContain("reason=session-timeout");
    }

    [Fact]
    public async Task Data_LinesEndingInBareLfOnly_NeverEndsTheMessageSoTimedOutAndNothingQueued()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: ShortIdle);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        await session.CommandAsync("EHLO client.example");
        await session.CommandAsync("MAIL FROM:<jane@sender.example>");
        await session.CommandAsync("RCPT TO:<shop@example.com>");
        (await session.CommandAsync("DATA")).ShouldStartWith("354");

        // Only <CRLF>.<CRLF> ends DATA (RFC 5321 4.1.1.4): "\n.\n" is content, as it would be for any strict receiver.
        await session.SendAsync(Encoding.ASCII.GetBytes("Subject: lf\n\nbody\n.\n"));

        (await session.ReadUntilClosedAsync()).ShouldStartWith("421 4.4.2 ");
        harness.Queued(".eml").ShouldBeEmpty();
    }
}
