using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TacoMail.Testing.DynamoDb;

using static TacoMail.Smtp.Tests.TestMail;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// Bytes outside 7-bit ASCII and line ends other than CRLF reach the queue as the client sent them.
/// SmtpServer 11.1 always advertises 8BITMIME and SMTPUTF8 (there is no option either way) and
/// never rewrites the data, so these tests pin that down.
/// </summary>
public sealed class EightBitTests(DynamoDbLocalFixture dynamo)
{
    private static async Task<RawSmtpSession> InDataAsync(SmtpHarness harness, string mailFrom)
    {
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        (await session.CommandAsync("EHLO client.example")).ShouldContain("8BITMIME");
        (await session.CommandAsync(mailFrom)).ShouldStartWith("250");
        (await session.CommandAsync("RCPT TO:<shop@example.com>")).ShouldStartWith("250");
        (await session.CommandAsync("DATA")).ShouldStartWith("354");
        return session;
    }

    [Fact]
    public async Task Ehlo_Always_Advertises8BitMimeAndSmtpUtf8()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;

        var ehlo = await session.CommandAsync("EHLO client.example");

        ehlo.ShouldContain("250-8BITMIME");
        ehlo.ShouldContain("250-SMTPUTF8");
    }

    [Fact]
    public async Task Data_8BitBodyAndRawHeaderBytesWithBody8BitMime_QueuedByteForByte()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        await using var session = await InDataAsync(harness, "MAIL FROM:<jane@sender.example> BODY=8BITMIME");
        // A UTF-8 subject, a Latin-1 byte in another header, and an 8-bit body that is not even valid UTF-8.
        byte[] message =
        [
            .. "Subject: Caf\u00e9 cr\u00e8me\r\n"u8,
            .. "X-Legacy: caf"u8, 0xE9, .. "\r\n"u8,
            .. "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"u8,
            .. "Gr\u00fc\u00dfe \u2014 "u8, 0xFF, 0xFE, .. " end\r\n"u8,
        ];

        await session.SendAsync([.. message, .. ".\r\n"u8]);
        var queued = await session.ReadReplyAsync();

        queued.ShouldStartWith("250 2.0.0");
        WithoutTrace(await File.ReadAllBytesAsync(harness.Queued(".eml").ShouldHaveSingleItem(), TestContext.Current.CancellationToken)).ShouldBe(message);
    }

    /// <summary>
    /// Lines ending in a bare LF are accepted and kept as they are (RFC 5321 2.3.8 says a client must
    /// not send them; Postfix before 3.9 accepted them too). Only CRLF.CRLF ends the data, so a
    /// "\n.\n" inside stays content and the message cannot end early (no SMTP smuggling here).
    /// </summary>
    [Fact]
    public async Task Data_BareLfLinesEndedByCrLfDotCrLf_AcceptedAndQueuedByteForByte()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        await using var session = await InDataAsync(harness, "MAIL FROM:<jane@sender.example>");
        var message = "Subject: bare lf\n\nline one\nline two\n.\nMAIL FROM:<smuggled@sender.example>\nstill the same message\r\n"u8.ToArray();

        await session.SendAsync([.. message, .. ".\r\n"u8]);
        var queued = await session.ReadReplyAsync();

        queued.ShouldStartWith("250 2.0.0");
        WithoutTrace(await File.ReadAllBytesAsync(harness.Queued(".eml").ShouldHaveSingleItem(), TestContext.Current.CancellationToken)).ShouldBe(message);
    }

    [Fact]
    public async Task Send_Smtputf8SenderAndUtf8Headers_QueuedByteForByteWithTheSenderInTheEnvelope()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var sender = new MailboxAddress("J\u00f6rg", "j\u00f6rg@sender.example");
        var message = new MimeMessage();
        message.From.Add(sender);
        message.To.Add(MailboxAddress.Parse("shop@example.com"));
        message.Subject = "Gr\u00fc\u00dfe aus K\u00f6ln";
        message.MessageId = "utf8-1@sender.example";
        message.Date = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        message.Body = new TextPart("plain") { Text = "Sch\u00f6ne Gr\u00fc\u00dfe." };
        var format = FormatOptions.Default.Clone();
        format.International = true;
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", harness.Port, SecureSocketOptions.None, cancellationToken);
        client.Capabilities.HasFlag(SmtpCapabilities.UTF8).ShouldBeTrue();

        var answer = await client.SendAsync(format, message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);

        answer.ShouldStartWith("2.0.0");
        var queued = harness.Queued(".eml").ShouldHaveSingleItem();
        var bytes = await File.ReadAllBytesAsync(queued, cancellationToken);
        WithoutTrace(bytes).ShouldBe(Wire.Of(message, international: true));
        Encoding.UTF8.GetString(bytes).ShouldContain("Subject: Gr\u00fc\u00dfe aus K\u00f6ln\r\n");
        var envelope = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.ChangeExtension(queued, ".json"), cancellationToken)).RootElement;
        envelope.GetProperty("sender").GetString().ShouldBe("j\u00f6rg@sender.example");
        harness.Log.ShouldNotContain("j\u00f6rg");
    }
}
