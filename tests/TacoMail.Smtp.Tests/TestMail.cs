using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace TacoMail.Smtp.Tests;

/// <summary>A plain test message and MailKit's SmtpClient sending it, as any mail server would.</summary>
internal static class TestMail
{
    public const string Sender = "jane@sender.example";

    public static MimeMessage Message(string to, string text = "Hello from a test.", params (string Name, string Value)[] headers)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jane", Sender));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "A test";
        message.MessageId = "test-1@sender.example";
        message.Date = new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
        foreach (var (name, value) in headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <param name="port">The server's loopback port.</param>
    /// <param name="message">The message.</param>
    /// <param name="sender">MAIL FROM; empty for the null sender.</param>
    /// <param name="recipients">RCPT TO; default the message's To.</param>
    /// <returns>The server's answer to DATA.</returns>
    public static async Task<string> SendAsync(int port, MimeMessage message, string sender = Sender, IReadOnlyList<string>? recipients = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, cancellationToken);
        var to = recipients is null ? message.To.Mailboxes : recipients.Select(MailboxAddress.Parse);
        var answer = await client.SendAsync(message, new MailboxAddress(string.Empty, sender), to, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return answer;
    }

    /// <summary>The body as it travels: everything after the first blank line.</summary>
    public static string BodyOf(string message) => message[(message.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];

    /// <summary>The header block: everything before the first blank line.</summary>
    public static string HeadOf(string message) => message[..message.IndexOf("\r\n\r\n", StringComparison.Ordinal)];

    /// <summary>
    /// The message as the client sent it: the queued file without the trace the server puts on top
    /// (<c>Return-Path</c>, then <c>Received</c> and its folded lines).
    /// </summary>
    public static byte[] WithoutTrace(byte[] queued)
    {
        var text = System.Text.Encoding.Latin1.GetString(queued);
        text.ShouldStartWith("Return-Path: <");
        var start = text.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        text[start..].ShouldStartWith("Received: from ");
        var end = start;
        do
        {
            end = text.IndexOf("\r\n", end, StringComparison.Ordinal) + 2;
        }
        while (text[end] is '\t' or ' ');

        return queued[end..];
    }
}
