using System.Text;
using MimeKit;
using static TacoMail.MailPath.Tests.Replies.ReplyMessages;

namespace TacoMail.MailPath.Tests.Replies;

public sealed partial class ReplyComposerTests
{
    [Theory]
    [InlineData("utf-8", "8bit", "Grüße – danke! Antwort an owner@private.test, 5 €.\r\n")]
    [InlineData("UTF-8", "quoted-printable", "Grüße – danke!\r\nAntwort an Owner@Private.Test, 5 €.\r\n")]
    [InlineData("iso-8859-1", "8bit", "Réponse de Owner <owner@private.test> : très bien.\r\n")]
    [InlineData("iso-8859-1", "quoted-printable", "Réponse de Owner <owner@private.test> : très bien.\r\n")]
    [InlineData("koi8-r", "8bit", "Спасибо! Пишите на owner@private.test, пожалуйста.\r\n")]
    [InlineData("shift_jis", "base64", "ありがとうございます。\r\nowner@private.test までご連絡ください。\r\n")]
    public async Task ComposeAsync_BodyInCharset_DecodesToTheTextWithTheAliasAndKeepsCharsetAndEncoding(
        string charset, string transferEncoding, string text)
    {
        var body = Charset(charset).GetBytes(text);
        var encoded = transferEncoding switch
        {
            "quoted-printable" => QuotedPrintable(body),
            "base64" => Encoding.ASCII.GetBytes(Base64Lines(body) + "\r\n"),
            _ => body,
        };

        var raw = await ComposeAsync(SinglePart($"text/plain; charset={charset}", transferEncoding, encoded));

        using var reply = Parse(raw);
        var part = reply.Body.ShouldBeOfType<TextPart>();
        part.ContentType.Charset.ShouldBe(charset);
        part.Headers[HeaderId.ContentTransferEncoding].ShouldNotBeNull().Trim().ShouldBe(transferEncoding);
        ExactText(part).ShouldBe(text.Replace("owner@private.test", Alias, StringComparison.OrdinalIgnoreCase));
        Encoding.Latin1.GetString(raw).ShouldNotContain("private", Case.Insensitive);
    }

    [Fact]
    public async Task ComposeAsync_PartWithoutTheDestination_IsCopiedByteForByte()
    {
        var raw = await ComposeAsync(Gmail());

        Contains(raw, Encoding.ASCII.GetBytes($"--{OuterBoundary}\r\n{UntouchedPart}\r\n--{OuterBoundary}\r\n")).ShouldBeTrue();
    }

    [Fact]
    public async Task ComposeAsync_HtmlSpellingsOfTheAt_AreReplacedKeepingTheirSpelling()
    {
        using var reply = Parse(await ComposeAsync(Gmail()));

        var html = reply.HtmlBody.ShouldNotBeNull();
        html.ShouldContain("Where is my order? shop&#64;example.com, shop&#x40;example.com, shop&commat;example.com,");
        html.ShouldContain("<a href=\"https://example.net/u?to=shop%40example.com\">link</a>");
    }

    [Fact]
    public async Task ComposeAsync_TextAttachmentAndForwardedMessage_AreCopiedAsReceived()
    {
        const string textAttachment =
            "Content-Type: text/plain; charset=us-ascii; name=\"contacts.txt\"\r\n" +
            "Content-Disposition: attachment; filename=\"contacts.txt\"\r\n" +
            "\r\n" +
            "Owner <owner@private.test>";
        const string forwarded =
            "Content-Type: message/rfc822\r\n" +
            "\r\n" +
            "From: Owner <owner@private.test>\r\n" +
            "Subject: old\r\n" +
            "Content-Type: text/plain\r\n" +
            "\r\n" +
            "Written by owner@private.test.";
        var message = Encoding.ASCII.GetBytes(
            GmailHeaders() +
            "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n" +
            "--b1\r\nContent-Type: text/plain\r\n\r\nSee attached, owner@private.test\r\n" +
            $"--b1\r\n{textAttachment}\r\n" +
            $"--b1\r\n{forwarded}\r\n" +
            "--b1--\r\n");

        var raw = await ComposeAsync(message);

        Contains(raw, Encoding.ASCII.GetBytes($"--b1\r\n{textAttachment}\r\n--b1\r\n{forwarded}\r\n--b1--")).ShouldBeTrue();
        using var reply = Parse(raw);
        ExactText(reply.BodyParts.OfType<TextPart>().First()).ShouldBe("See attached, shop@example.com");
    }

    [Fact]
    public async Task ComposeAsync_CalendarPart_IsNoBodyTextAndStaysAsReceived()
    {
        const string calendar = "Content-Type: text/calendar; method=REPLY\r\n\r\nATTENDEE:mailto:owner@private.test";
        var message = Encoding.ASCII.GetBytes(
            GmailHeaders() +
            "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n" +
            $"--b1\r\nContent-Type: text/plain\r\n\r\nAccepted\r\n--b1\r\n{calendar}\r\n--b1--\r\n");

        var raw = await ComposeAsync(message);

        Contains(raw, Encoding.ASCII.GetBytes(calendar)).ShouldBeTrue();
    }

    [Fact]
    public async Task ComposeAsync_SinglePartTextMarkedAttachment_LosesTheDispositionAndIsScrubbed()
    {
        var message = Encoding.ASCII.GetBytes(
            "From: owner@private.test\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"note.txt\"\r\n\r\n" +
            "Call owner@private.test\r\n");

        var raw = Encoding.ASCII.GetString(await ComposeAsync(message));

        raw.ShouldNotContain("Content-Disposition");
        raw.ShouldEndWith("\r\n\r\nCall shop@example.com\r\n");
    }

    /// <summary>Quoted-printable of short lines: CRLF stays a line break, anything else not printable ASCII is =XX.</summary>
    private static byte[] QuotedPrintable(byte[] data)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == '\r' && i + 1 < data.Length && data[i + 1] == '\n')
            {
                builder.Append("\r\n");
                i++;
            }
            else if (data[i] is >= 33 and <= 126 and not (byte)'=' || data[i] == ' ')
            {
                builder.Append((char)data[i]);
            }
            else
            {
                builder.Append($"={data[i]:X2}");
            }
        }

        return Encoding.ASCII.GetBytes(builder.ToString());
    }
}
