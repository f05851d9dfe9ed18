using TacoMail.Smtp.Recipients;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.Smtp.Tests;

/// <summary>The protocol's edges on a bare socket against the running server.</summary>
public sealed class RawSmtpTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task Ehlo_AdvertisesSizePipeliningAnd8BitMime_NeverAuthOrStartTlsWithoutCertificate()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var (session, greeting) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var _ = session;

        var ehlo = await session.CommandAsync("EHLO client.example");

        greeting.ShouldStartWith("220 ");
        ehlo.ShouldContain("250-PIPELINING");
        ehlo.ShouldContain("8BITMIME");
        ehlo.ShouldContain("SIZE 41943040");
        ehlo.ShouldNotContain("AUTH");
        ehlo.ShouldNotContain("STARTTLS");
    }

    [Fact]
    public async Task Pipelining_MailRcptRcptData_AnsweredInOrder()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        await session.CommandAsync("EHLO client.example");

        await session.SendAsync("MAIL FROM:<jane@sender.example>\r\nRCPT TO:<shop@example.com>\r\nRCPT TO:<nobody@example.com>\r\nDATA\r\n");
        string[] replies = [await session.ReadReplyAsync(), await session.ReadReplyAsync(), await session.ReadReplyAsync(), await session.ReadReplyAsync()];
        var queued = await session.CommandAsync("Subject: pipelined\r\n\r\n..a line that starts with a dot\r\n.");

        replies[0].ShouldStartWith("250");
        replies[1].ShouldStartWith("250 ");
        replies[2].ShouldStartWith("550 5.1.1");
        replies[3].ShouldStartWith("354");
        queued.ShouldStartWith("250 2.0.0");
        var message = System.Text.Encoding.UTF8.GetString(
            TestMail.WithoutTrace(await File.ReadAllBytesAsync(harness.Queued(".eml").ShouldHaveSingleItem(), TestContext.Current.CancellationToken)));
        message.ShouldBe("Subject: pipelined\r\n\r\n.a line that starts with a dot\r\n");
        (await session.CommandAsync("QUIT")).ShouldStartWith("221");
    }

    [Fact]
    public async Task Data_BeforeAnyRecipient_RefusedAndNothingQueued()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        await session.CommandAsync("EHLO client.example");
        (await session.CommandAsync("MAIL FROM:<jane@sender.example>")).ShouldStartWith("250");

        var data = await session.CommandAsync("DATA");

        // SmtpServer 11.1's state machine answers 501 "expected NOOP/RSET/QUIT/RCPT"; RFC 5321 wants 503 (left open).
        data.ShouldStartWith("501");
        (await session.CommandAsync("RCPT TO:<shop@example.com>")).ShouldStartWith("250");
        harness.Queued(".eml").ShouldBeEmpty();
    }

    [Fact]
    public async Task MailFrom_DeclaredSizeOverTheLimit_Refused552()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: SmtpLimits.Default with { MaxMessageSize = 1000 });
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        (await session.CommandAsync("EHLO client.example")).ShouldContain("SIZE 1000");

        var mail = await session.CommandAsync("MAIL FROM:<jane@sender.example> SIZE=1001");

        mail.ShouldStartWith("552");
        (await session.CommandAsync("MAIL FROM:<jane@sender.example> SIZE=1000")).ShouldStartWith("250");
    }

    [Fact]
    public async Task Rcpt_PastTheRecipientLimit_Deferred452()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: SmtpLimits.Default with { MaxRecipients = 2 });
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        await session.CommandAsync("EHLO client.example");
        await session.CommandAsync("MAIL FROM:<jane@sender.example>");

        string[] replies =
        [
            await session.CommandAsync("RCPT TO:<shop@example.com>"),
            await session.CommandAsync("RCPT TO:<news@example.com>"),
            await session.CommandAsync("RCPT TO:<shop+x@example.com>"),
        ];

        replies[0].ShouldStartWith("250");
        replies[1].ShouldStartWith("250");
        replies[2].ShouldStartWith("452 4.5.3");
    }

    [Fact]
    public async Task Rcpt_QuotedLocalPart_ResolvedLikeTheLambda()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        await session.CommandAsync("EHLO client.example");
        await session.CommandAsync("MAIL FROM:<jane@sender.example>");

        var rcpt = await session.CommandAsync("RCPT TO:<\"shop\"@example.com>");

        rcpt.ShouldStartWith("250");
    }
}
