using MimeKit;
using MimeKit.Text;

namespace TacoMail.Bench.Reply;

/// <summary>
/// The owner's reply to a reverse address as a webmail provider writes it: provider headers that
/// name the owner, a text and an HTML part quoting the owner, and one attachment of a given size.
/// </summary>
internal static class ReplyBenchMessage
{
    public const string Owner = "me@example.net";

    public static void Write(string path, string reverseAddress, int attachmentBytes)
    {
        var attachment = new byte[attachmentBytes];
        new Random(attachmentBytes).NextBytes(attachment);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Owner", Owner));
        message.To.Add(new MailboxAddress("Jane Doe", reverseAddress));
        message.Subject = "Re: Benchmark";
        message.MessageId = "reply@example.net";
        message.InReplyTo = "original@sender.example";
        message.Headers.Add("DKIM-Signature", "v=1; a=rsa-sha256; d=example.net; s=s1; bh=aGVsbG8=; b=c2ln");
        message.Headers.Add("X-Originating-IP", "[192.0.2.7]");
        var quote = $"On Mon, Owner <{Owner}> wrote:";
        var plain = new TextPart(TextFormat.Plain) { Text = $"Here it is.\r\n\r\n{quote}\r\n> earlier\r\n" };
        var html = new TextPart(TextFormat.Html) { Text = $"<p>Here it is.</p><p><a href=\"mailto:{Owner}\">Owner</a> {quote}</p>" };
        var body = new BodyBuilder();
        body.Attachments.Add("file.bin", attachment, new ContentType("application", "octet-stream"));
        message.Body = new Multipart("mixed") { new MultipartAlternative { plain, html }, body.Attachments[0] };
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var output = File.Create(path);
        message.WriteTo(options, output);
    }

    /// <summary>The SES receipt event of the delivery's Event action for the reply.</summary>
    public static string Event(string messageId, string reverseAddress) => EventTemplate
        .Replace("OWNER", Owner, StringComparison.Ordinal)
        .Replace("MESSAGE_ID", messageId, StringComparison.Ordinal)
        .Replace("REVERSE", reverseAddress, StringComparison.Ordinal);

    private const string EventTemplate = """
        {"Records":[{"eventSource":"aws:ses","eventVersion":"1.0","ses":{
          "mail":{"timestamp":"2026-12-02T10:00:00.000Z","source":"OWNER","messageId":"MESSAGE_ID",
                  "destination":["REVERSE"],"headersTruncated":false,"headers":[],"commonHeaders":{}},
          "receipt":{"timestamp":"2026-12-02T10:00:00.000Z","processingTimeMillis":250,
                     "recipients":["REVERSE"],
                     "spamVerdict":{"status":"PASS"},"virusVerdict":{"status":"PASS"},"spfVerdict":{"status":"PASS"},
                     "dkimVerdict":{"status":"PASS"},"dmarcVerdict":{"status":"PASS"},
                     "action":{"type":"Lambda","invocationType":"Event","functionArn":"arn:aws:lambda:us-east-1:111122223333:function:tacomail-delivery"}}}}]}
        """;
}
