using System.Text;
using MimeKit;
using TacoMail.MailPath.Replies;

namespace TacoMail.MailPath.Tests.Replies;

/// <summary>Raw owner replies as a Gmail-like client sends them, and the composer run over a temp file.</summary>
internal static class ReplyMessages
{
    public const string Alias = "shop@example.com";
    public const string Destination = "owner@private.test";
    public const string SenderId = "CAsender-1234@mail.sender.test";
    public const string OwnerId = "abc@private.test";
    public const string EarlierOwnerId = "earlier-5678@private.test";
    public const string OuterBoundary = "000000000000a1b2c3d4e5f6";
    public const string InnerBoundary = "000000000000f6e5d4c3b2a1";

    public static readonly MailboxAddress Correspondent = new("Jane Doe", "jane@sender.test");

    public static ReplyAddresses Addresses { get; } = new(Alias, Destination, Correspondent);

    /// <summary>A "PDF" of bytes 0–255 in a fixed pseudo-random order: every byte value, no text.</summary>
    public static byte[] AttachmentBytes { get; } = CreateAttachment(6000);

    /// <summary>Quoted-printable as Gmail writes it, D split by a soft line break.</summary>
    public const string PlainQuotedPrintable =
        "Thanks, I will wait for the parcel.\r\n" +
        "\r\n" +
        "On Mon, 1 Dec 2026, Owner <owner@private.te=\r\n" +
        "st> wrote:\r\n" +
        "> Where is my order? Write to Owner@Private.Test if needed.";

    public const string HtmlQuotedPrintable =
        "<div dir=3D\"ltr\">Thanks, I will wait for the parcel.</div><br><div class=3D\"gm=\r\n" +
        "ail_quote\"><div dir=3D\"ltr\" class=3D\"gmail_attr\">On Mon, 1 Dec 2026, Owner &lt;<a =\r\n" +
        "href=3D\"mailto:owner@private.test\">owner@private.test</a>&gt; wrote:<br></div>=\r\n" +
        "<blockquote class=3D\"gmail_quote\">Where is my order? owner&#64;private.test,=\r\n" +
        " owner&#x40;private.test, owner&commat;private.test, <a href=3D\"https://ex=\r\n" +
        "ample.net/u?to=3Downer%40private.test\">link</a></blockquote></div>";

    public const string UntouchedPart =
        "Content-Type: text/plain; charset=\"UTF-8\"\r\n" +
        "Content-Transfer-Encoding: quoted-printable\r\n" +
        "\r\n" +
        "A note without the owner's address, odd =\r\n" +
        "soft  breaks and trailing blanks =20\r\n" +
        "kept as they are.";

    /// <summary>The top-level fields of a Gmail reply, everything a provider adds included.</summary>
    public static string GmailHeaders(string messageId = OwnerId, string subject = "Re: Your order 1234") =>
        "Return-Path: <owner@private.test>\r\n" +
        "Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])\r\n" +
        "        by mx.private.test with SMTPS id x12sor;\r\n" +
        "        Mon, 01 Dec 2026 10:00:05 -0800 (PST)\r\n" +
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=private.test; s=20230601;\r\n" +
        "        h=to:subject:message-id:date:from:in-reply-to:references:mime-version;\r\n" +
        "        bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=Zm9vYmFy\r\n" +
        "ARC-Seal: i=1; a=rsa-sha256; t=1764612005; cv=none; d=google.com; s=arc-20240605\r\n" +
        "X-Google-Smtp-Source: AGHT+IFz0wner/private.test+example\r\n" +
        "X-Received: by 2002:a05:6402:1:b0:5d0 with SMTP id 4fb4; Mon, 01 Dec 2026 10:00:04 -0800 (PST)\r\n" +
        "X-Originating-IP: [203.0.113.7]\r\n" +
        "X-Mailer: Gmail\r\n" +
        "MIME-Version: 1.0\r\n" +
        $"References: <{SenderId}>\r\n <{EarlierOwnerId}>\r\n" +
        $"In-Reply-To: <{SenderId}>\r\n" +
        "Sender: owner@private.test\r\n" +
        "Reply-To: Owner <owner@private.test>\r\n" +
        "From: Owner <owner@private.test>\r\n" +
        "Date: Mon, 1 Dec 2026 19:00:00 +0100\r\n" +
        $"Message-ID: <{messageId}>\r\n" +
        $"Subject: {subject}\r\n" +
        "To: Shop <reply.abcdefghijklmnopqrst@example.com>\r\n" +
        "Cc: Owner Again <OWNER@PRIVATE.TEST>\r\n" +
        "Bcc: owner@private.test\r\n";

    /// <summary>multipart/mixed: the alternative bodies, a part without D, and a binary attachment.</summary>
    public static byte[] Gmail(string messageId = OwnerId, string subject = "Re: Your order 1234") =>
        Encoding.ASCII.GetBytes(
            GmailHeaders(messageId, subject) +
            $"Content-Type: multipart/mixed; boundary=\"{OuterBoundary}\"\r\n" +
            "\r\n" +
            $"--{OuterBoundary}\r\n" +
            $"Content-Type: multipart/alternative; boundary=\"{InnerBoundary}\"\r\n" +
            "\r\n" +
            $"--{InnerBoundary}\r\n" +
            "Content-Type: text/plain; charset=\"UTF-8\"\r\n" +
            "Content-Transfer-Encoding: quoted-printable\r\n" +
            "\r\n" +
            PlainQuotedPrintable + "\r\n" +
            $"--{InnerBoundary}\r\n" +
            "Content-Type: text/html; charset=\"UTF-8\"\r\n" +
            "Content-Transfer-Encoding: quoted-printable\r\n" +
            "\r\n" +
            HtmlQuotedPrintable + "\r\n" +
            $"--{InnerBoundary}--\r\n" +
            $"--{OuterBoundary}\r\n" +
            UntouchedPart + "\r\n" +
            $"--{OuterBoundary}\r\n" +
            AttachmentPart + "\r\n" +
            $"--{OuterBoundary}--\r\n");

    public static string AttachmentPart =>
        "Content-Type: application/pdf; name=\"invoice.pdf\"\r\n" +
        "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n" +
        "Content-Transfer-Encoding: base64\r\n" +
        "Content-ID: <f_mk1abc0>\r\n" +
        "X-Attachment-Id: f_mk1abc0\r\n" +
        "\r\n" +
        Base64Lines(AttachmentBytes);

    /// <summary>A single-part text/plain message: the top-level fields of <see cref="GmailHeaders"/>, then the body as given.</summary>
    public static byte[] SinglePart(string contentType, string transferEncoding, byte[] body) =>
        [
            .. Encoding.ASCII.GetBytes(
                GmailHeaders() +
                $"Content-Type: {contentType}\r\n" +
                $"Content-Transfer-Encoding: {transferEncoding}\r\n" +
                "\r\n"),
            .. body,
        ];

    public static string Base64Lines(byte[] data) =>
        string.Join("\r\n", Convert.ToBase64String(data).Chunk(76).Select(line => new string(line)));

    public static async Task<byte[]> ComposeAsync(byte[] raw, ReplyAddresses? addresses = null)
    {
        using var file = new TempFile(raw);
        using var output = new MemoryStream();
        await ReplyComposer.ComposeAsync(file.Path, addresses ?? Addresses, output, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    public static MimeMessage Parse(byte[] message) =>
        MimeMessage.Load(new MemoryStream(message), TestContext.Current.CancellationToken);

    /// <summary>Every header of every entity (the message, each part, each nested message), decoded.</summary>
    public static IEnumerable<Header> AllHeaders(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var header in message.Headers)
        {
            yield return header;
        }

        using var iterator = new MimeIterator(message);
        while (iterator.MoveNext())
        {
            foreach (var header in iterator.Current.Headers)
            {
                yield return header;
            }

            if (iterator.Current is MessagePart { Message: { } nested })
            {
                foreach (var header in AllHeaders(nested))
                {
                    yield return header;
                }
            }
        }
    }

    /// <summary>
    /// A charset by name, the legacy code pages included, without registering them for the whole
    /// test process (which would change what MimeKit decodes in every other test).
    /// </summary>
    public static Encoding Charset(string name) => CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);

    /// <summary>A text part decoded byte for byte in its declared charset (MimeKit's <c>Text</c> turns CRLF into LF).</summary>
    public static string ExactText(TextPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        using var decoded = new MemoryStream();
        part.Content.ShouldNotBeNull().DecodeTo(decoded, TestContext.Current.CancellationToken);
        return Charset(part.ContentType.Charset ?? "utf-8").GetString(decoded.ToArray());
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static byte[] CreateAttachment(int length)
    {
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = (byte)((i * 167) + (i / 256 * 31));
        }

        return data;
    }
}
