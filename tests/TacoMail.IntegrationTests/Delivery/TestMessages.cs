using System.Text;
using MimeKit;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// Received messages as a sender's system writes them: a text part and an attachment, plus the
/// header trouble forwarders meet (signatures, Return-Path, Sender, a repeated Message-ID).
/// </summary>
internal static class TestMessages
{
    public const string SenderName = "Jane Doe";
    public const string Subject = "Private subject";

    /// <summary>The message, CRLF line endings, as SES stores it.</summary>
    public static byte[] WithAttachment(byte[] attachment, string fileName = "report.bin")
    {
        using var output = new MemoryStream();
        Write(attachment, fileName, output);
        return output.ToArray();
    }

    /// <summary>Writes the message to <paramref name="path"/> (large messages never pass through an array).</summary>
    public static void WriteWithAttachment(string path, byte[] attachment, string fileName = "report.bin")
    {
        using var output = File.Create(path);
        Write(attachment, fileName, output);
    }

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>The message's header block (up to the blank line) and the body segment (blank line on), split as the forwarder splits them.</summary>
    public static (byte[] Head, byte[] Body) Split(byte[] message)
    {
        var end = message.AsSpan().IndexOf("\r\n\r\n"u8);
        return (message[..(end + 2)], message[(end + 2)..]);
    }

    private static void Write(byte[] attachment, string fileName, Stream output)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(SenderName, DeliveryTestEvent.Sender));
        message.To.Add(MailboxAddress.Parse("shop@example.com"));
        message.Subject = Subject;
        message.MessageId = "original-id@sender.test";
        message.Date = new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);
        var body = new BodyBuilder { TextBody = "Hello,\r\nthe report is attached.\r\n" };
        body.Attachments.Add(fileName, attachment, new ContentType("application", "octet-stream"));
        message.Body = body.ToMessageBody();

        var trouble = string.Join("\r\n",
            "Return-Path: <bounces@sender.test>",
            "Received: from mx.sender.test by inbound-smtp.us-east-1.amazonaws.com",
            "Received: from laptop by mx.sender.test",
            "DKIM-Signature: v=1; a=rsa-sha256; d=sender.test; s=s1; h=from:to:subject;",
            "\tbh=aGVsbG8=; b=c2lnbmF0dXJl",
            "Sender: list-owner@sender.test",
            "Message-ID: <duplicate-id@sender.test>",
            string.Empty);
        output.Write(Encoding.ASCII.GetBytes(trouble));
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, output);
    }
}
