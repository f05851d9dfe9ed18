using System.Text;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>Small raw messages for the rewriting and delivery tests, CRLF unless asked otherwise.</summary>
internal static class TestMessage
{
    public const string Body = "Hello,\r\nsee you tomorrow.\r\n";

    public static byte[] Create(string headers, string body = Body, string newLine = "\r\n") =>
        Encoding.UTF8.GetBytes(headers.ReplaceLineEndings(newLine).TrimEnd('\r', '\n') + newLine + newLine + body.ReplaceLineEndings(newLine));

    public static byte[] Simple() => Create("""
        From: "Jane Doe" <jane@sender.test>
        To: shop@example.com
        Subject: Private subject
        Message-ID: <m1@sender.test>
        Date: Thu, 01 May 2025 10:00:00 +0000
        """);

    /// <summary>The body segment (from the blank line on) of a raw message.</summary>
    public static byte[] BodySegment(byte[] message)
    {
        var crlf = message.AsSpan().IndexOf("\r\n\r\n"u8);
        var lf = message.AsSpan().IndexOf("\n\n"u8);
        return crlf >= 0 && (lf < 0 || crlf < lf) ? message[(crlf + 2)..] : message[(lf + 1)..];
    }
}
