using System.Text;
using MimeKit;
using TacoMail.MailPath.Messages;

namespace TacoMail.MailPath.Tests.Messages;

public sealed class ForwardingHeaderRewriterTests
{
    private const string Alias = "shop@example.com";

    [Fact]
    public void Rewrite_NamedSender_FromIsTheAliasWithTheSendersNameAndReplyToTheSender()
    {
        var headers = Parse(Rewrite("From: \"Jane Doe\" <jane@sender.test>\r\nSubject: hi\r\n"));

        var from = headers.From.Mailboxes.ShouldHaveSingleItem();
        from.Name.ShouldBe("Jane Doe via TacoMail");
        from.Address.ShouldBe(Alias);
        headers.ReplyTo.Mailboxes.ShouldHaveSingleItem().ToString().ShouldBe("\"Jane Doe\" <jane@sender.test>");
        headers.Headers[HeaderRules.AliasHeader].ShouldBe(Alias);
    }

    [Fact]
    public void Rewrite_SenderWithoutName_UsesTheAddressAsTheName()
    {
        var headers = Parse(Rewrite("From: jane@sender.test\r\n"));

        headers.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("jane@sender.test via TacoMail");
    }

    [Fact]
    public void Rewrite_EncodedNameWithSpecials_IsDecodedAndEncodedAgain()
    {
        var text = Rewrite("From: =?utf-8?q?J=C3=BCrgen_=22JD=22_M=C3=BCller=2C_Esq=2E?= <j@sender.test>\r\n");

        text.ShouldNotContain("Jürgen");
        Parse(text).From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Jürgen \"JD\" Müller, Esq. via TacoMail");
    }

    [Fact]
    public void Rewrite_ExistingReplyTo_IsKeptAndNoneAdded()
    {
        var headers = Parse(Rewrite("From: jane@sender.test\r\nReply-To: list@sender.test\r\n"));

        headers.ReplyTo.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("list@sender.test");
    }

    [Fact]
    public void Rewrite_NoFrom_NamesTheEnvelopeSenderAndRepliesToIt()
    {
        var headers = Parse(Rewrite("Subject: hi\r\n", envelopeSender: "bounce@sender.test"));

        headers.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("bounce@sender.test via TacoMail");
        headers.ReplyTo.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("bounce@sender.test");
    }

    [Fact]
    public void Rewrite_SignaturesEnvelopeAndSesFields_AreDropped()
    {
        var text = Rewrite(string.Concat(
            "Return-Path: <b@sender.test>\r\n",
            "DKIM-Signature: v=1; d=sender.test;\r\n\tb=abc\r\n",
            "DomainKey-Signature: a=rsa-sha1\r\n",
            "ARC-Seal: i=1; a=rsa-sha256\r\n",
            "Sender: owner@sender.test\r\n",
            "X-SES-CONFIGURATION-SET: other\r\n",
            "From: jane@sender.test\r\n"));

        foreach (var name in new[] { "Return-Path", "DKIM-Signature", "DomainKey-Signature", "ARC-Seal", "Sender:", "X-SES-" })
        {
            text.ShouldNotContain(name);
        }
    }

    [Fact]
    public void Rewrite_RepeatedFields_KeepsTheFirstOnlyButEveryReceived()
    {
        var text = Rewrite(string.Concat(
            "Received: by a\r\n",
            "Received: by b\r\n",
            "Message-ID: <first@x>\r\n",
            "Message-Id: <second@x>\r\n",
            "Delivered-To: a@example.com\r\n",
            "Delivered-To: b@example.com\r\n",
            "From: jane@sender.test\r\n",
            "From: other@sender.test\r\n"));

        var headers = Parse(text);
        headers.Headers.Count(h => h.Field == "Received").ShouldBe(2);
        headers.MessageId.ShouldBe("first@x");
        headers.Headers.Count(h => h.Field == "Delivered-To").ShouldBe(1);
        headers.From.Count.ShouldBe(1);
        headers.Headers.Count(h => h.Field == "From").ShouldBe(1);
    }

    [Fact]
    public void Rewrite_FieldsKept_AreCopiedByteForByteInOrder()
    {
        const string kept = "Subject: =?iso-8859-1?q?gr=FC=DFe?=\r\n  folded\r\nX-Custom:value-without-space\r\n";

        var text = Rewrite("From: jane@sender.test\r\n" + kept);

        text.ShouldContain(kept);
        text.IndexOf("From:", StringComparison.Ordinal).ShouldBe(0);
        text.ShouldEndWith($"{HeaderRules.AliasHeader}: {Alias}\r\n\r\n");
    }

    [Fact]
    public void Rewrite_LfMessage_WritesCrLfOnly()
    {
        var fields = HeaderFieldParser.Parse("From: jane@sender.test\nSubject: hi\n  folded\n"u8, out _);

        var text = Encoding.UTF8.GetString(ForwardingHeaderRewriter.Rewrite(fields, Alias, null));

        text.ShouldContain("Subject: hi\r\n  folded\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain("\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain("\r");
    }

    [Fact]
    public void Rewrite_WithReverseAddress_ReplyToIsItNamedAfterTheCorrespondentAndTheOriginalGoes()
    {
        const string block = "From: \"Jane Doe\" <jane@sender.test>\r\nReply-To: Lists <list@sender.test>\r\nReply-To: again@sender.test\r\n";
        var fields = HeaderFieldParser.Parse(Encoding.UTF8.GetBytes(block), out _);
        var correspondent = Correspondent.Of(fields, "bounce@sender.test").ShouldNotBeNull();
        var reverse = Correspondent.ReplyTo(correspondent, "reply.abcdefghijklmnopqrst@example.com");

        var headers = Parse(Encoding.UTF8.GetString(ForwardingHeaderRewriter.Rewrite(fields, Alias, "bounce@sender.test", reverse)));

        correspondent.Address.ShouldBe("list@sender.test");
        headers.ReplyTo.Mailboxes.ShouldHaveSingleItem().ToString().ShouldBe("\"Lists\" <reply.abcdefghijklmnopqrst@example.com>");
        headers.Headers.Count(h => h.Field == "Reply-To").ShouldBe(1);
        headers.From.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Jane Doe via TacoMail");
    }

    [Theory]
    [InlineData("From: jane@sender.test\r\n", "bounce@sender.test", "jane@sender.test", "jane@sender.test")]
    [InlineData("Subject: no from\r\n", "bounce@sender.test", "bounce@sender.test", "bounce@sender.test")]
    [InlineData("Subject: nothing\r\n", "", null, null)]
    public void Correspondent_IsReplyToThenFromThenEnvelope(string block, string envelope, string? expected, string? expectedName)
    {
        var fields = HeaderFieldParser.Parse(Encoding.UTF8.GetBytes(block), out _);

        var correspondent = Correspondent.Of(fields, envelope);

        correspondent?.Address.ShouldBe(expected);
        if (correspondent is not null)
        {
            Correspondent.ReplyTo(correspondent, "reply.abcdefghijklmnopqrst@example.com").Name.ShouldBe(expectedName);
        }
    }

    private static string Rewrite(string block, string? envelopeSender = null)
    {
        var fields = HeaderFieldParser.Parse(Encoding.UTF8.GetBytes(block), out _);
        return Encoding.UTF8.GetString(ForwardingHeaderRewriter.Rewrite(fields, Alias, envelopeSender));
    }

    private static MimeMessage Parse(string headerBlock) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(headerBlock + "\r\nbody\r\n")), TestContext.Current.CancellationToken);
}
