using MimeKit;

namespace TacoMail.Bench.Delivery;

/// <summary>A received message with one attachment of a given size, written as SES stores it (CRLF).</summary>
internal static class BenchMessage
{
    public static void Write(string path, int attachmentBytes)
    {
        var attachment = new byte[attachmentBytes];
        new Random(attachmentBytes).NextBytes(attachment);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jane Doe", "jane@sender.example"));
        message.To.Add(MailboxAddress.Parse("shop@example.com"));
        message.Subject = "Benchmark";
        message.Headers.Add("DKIM-Signature", "v=1; a=rsa-sha256; d=sender.example; s=s1; bh=aGVsbG8=; b=c2ln");
        var body = new BodyBuilder { TextBody = "The file is attached.\r\n" };
        body.Attachments.Add("file.bin", attachment, new ContentType("application", "octet-stream"));
        message.Body = body.ToMessageBody();
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var output = File.Create(path);
        message.WriteTo(options, output);
    }
}
