using System.Text;
using MimeKit;
using MimeKit.Text;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// The owner's reply as a webmail provider sends it: every header that names the owner's mailbox
/// (signature, trace, provider fields, Sender, Return-Path, Message-ID on the owner's domain), and
/// the quoted "… wrote:" line in both the text and the HTML part, in a chosen charset.
/// </summary>
internal static class ReplyMessages
{
    public const string Owner = "owner@destination.test";
    public const string OwnerDomain = "destination.test";
    public const string OwnerName = "Olive Owner";
    public const string Text = "Thanks, Jane — see my notes.";

    /// <summary>A reply from <paramref name="from"/> to <paramref name="reverse"/>, CRLF line ends.</summary>
    public static byte[] Reply(string reverse, byte[] attachment, string charset = "utf-8", string from = Owner, string text = Text)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(OwnerName, from));
        message.To.Add(new MailboxAddress("Jane Doe", reverse));
        message.Subject = "Re: " + TestMessages.Subject;
        message.MessageId = $"reply-1@{OwnerDomain}";
        message.InReplyTo = "original-id@sender.test";
        message.References.Add("original-id@sender.test");
        message.Date = new DateTimeOffset(2025, 5, 1, 11, 0, 0, TimeSpan.Zero);
        var quoted = $"On Thu, 1 May 2025, {OwnerName} <{from}> wrote:";
        var plain = new TextPart(TextFormat.Plain);
        plain.SetText(charset, $"{text}\r\n\r\n{quoted}\r\n> earlier words\r\n");
        var html = new TextPart(TextFormat.Html);
        html.SetText(charset, $"<p>{text}</p><p><a href=\"mailto:{from}\">{OwnerName}</a> {quoted}</p>");
        var alternative = new MultipartAlternative { plain, html };
        var file = new MimePart("application", "octet-stream")
        {
            Content = new MimeContent(new MemoryStream(attachment)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = "notes.bin" },
            ContentTransferEncoding = ContentEncoding.Base64,
        };
        message.Body = new Multipart("mixed") { alternative, file };

        using var output = new MemoryStream();
        var provider = string.Join("\r\n",
            $"Return-Path: <{from}>",
            $"Received: from mail-out.{OwnerDomain} by inbound-smtp.us-east-1.amazonaws.com",
            $"DKIM-Signature: v=1; a=rsa-sha256; d={OwnerDomain}; s=s1; i={from}; h=from:to:subject;",
            $"Sender: {from}",
            "X-Google-Smtp-Source: AGHT+IF0wner",
            $"X-Originating-IP: [192.0.2.7] for {from}",
            $"X-Gm-Message-State: {from}",
            "");
        output.Write(Encoding.ASCII.GetBytes(provider));
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(options, output);
        return output.ToArray();
    }
}
