using System.Text;
using MimeKit;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Replies;
using static TacoMail.MailPath.Tests.Replies.ReplyMessages;

namespace TacoMail.MailPath.Tests.Replies;

public sealed partial class ReplyComposerTests
{
    [Fact]
    public async Task ComposeAsync_GmailReply_KeepsOnlyTheWhitelistedFieldsAndSetsTheAliasOnes()
    {
        var raw = Encoding.ASCII.GetString(await ComposeAsync(Gmail()));

        var head = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var names = head.Split("\r\n").Where(l => l.Length > 0 && l[0] is not (' ' or '\t')).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]);
        names.Order(StringComparer.OrdinalIgnoreCase).ShouldBe(
            ["Content-Type", "Date", "From", "In-Reply-To", "Message-ID", "MIME-Version", "References", "Subject", "To", HeaderRules.AliasHeader],
            StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ComposeAsync_GmailReply_FromIsTheBareAliasAndToTheCorrespondentWithName()
    {
        using var reply = Parse(await ComposeAsync(Gmail()));

        reply.Headers[HeaderId.From].ShouldNotBeNull().Trim().ShouldBe(Alias);
        var to = reply.To.Mailboxes.ShouldHaveSingleItem();
        to.Name.ShouldBe("Jane Doe");
        to.Address.ShouldBe("jane@sender.test");
        reply.Headers.Where(h => h.Field == HeaderRules.AliasHeader).ShouldHaveSingleItem().Value.Trim().ShouldBe(Alias);
        reply.Subject.ShouldBe("Re: Your order 1234");
        reply.Headers[HeaderId.Date].ShouldBe("Mon, 1 Dec 2026 19:00:00 +0100");
    }

    [Fact]
    public async Task ComposeAsync_EarlierTraceFields_LeaveOneNamingTheAlias()
    {
        var raw = Encoding.ASCII.GetBytes($"{HeaderRules.AliasHeader}: other@example.net\r\n{HeaderRules.AliasHeader}: x@example.org\r\n")
            .Concat(Gmail()).ToArray();

        using var reply = Parse(await ComposeAsync(raw));

        reply.Headers.Where(h => h.Field == HeaderRules.AliasHeader).ShouldHaveSingleItem().Value.Trim().ShouldBe(Alias);
    }

    [Fact]
    public async Task ComposeAsync_SameMessage_GetsTheSameMessageIdAtTheAliasDomain()
    {
        using var first = Parse(await ComposeAsync(Gmail()));
        using var second = Parse(await ComposeAsync(Gmail()));

        first.MessageId.ShouldBe(second.MessageId);
        first.MessageId.ShouldNotBeNull().ShouldMatch("^[a-z2-7]{26}@example\\.com$");
        first.MessageId.ShouldBe(new MessageIdMap("example.com", "private.test").Map(OwnerId));
    }

    [Fact]
    public async Task ComposeAsync_OtherMessageId_GetsAnotherMessageId()
    {
        using var first = Parse(await ComposeAsync(Gmail()));
        using var second = Parse(await ComposeAsync(Gmail(messageId: "other@private.test")));

        second.MessageId.ShouldNotBe(first.MessageId);
    }

    [Fact]
    public async Task ComposeAsync_References_KeepTheSendersIdAndMapTheOwners()
    {
        using var reply = Parse(await ComposeAsync(Gmail()));

        reply.InReplyTo.ShouldBe(SenderId);
        reply.References.ShouldBe([SenderId, new MessageIdMap("example.com", "private.test").Map(EarlierOwnerId)]);
    }

    [Fact]
    public async Task ComposeAsync_ReplyReferencingAnEarlierReply_NamesTheIdThatReplyWasSentWith()
    {
        using var earlier = Parse(await ComposeAsync(Gmail(messageId: EarlierOwnerId)));

        using var later = Parse(await ComposeAsync(Gmail(messageId: "later@private.test")));

        later.References[1].ShouldBe(earlier.MessageId);
    }

    [Fact]
    public async Task ComposeAsync_IdsAtTheOwnersProvider_AreKeptForTheSendersThreading()
    {
        // The owner on Gmail, and the sender too: the sender's ids at mail.gmail.com must survive.
        var raw = Encoding.ASCII.GetString(Gmail(messageId: "CAown-1@mail.gmail.com"))
            .Replace($"In-Reply-To: <{SenderId}>", "In-Reply-To: <CAsender-0@MAIL.GMAIL.COM>", StringComparison.Ordinal);

        using var reply = Parse(await ComposeAsync(Encoding.ASCII.GetBytes(raw)));

        var map = new MessageIdMap("example.com", "private.test");
        reply.MessageId.ShouldBe(map.Map("CAown-1@mail.gmail.com"));
        reply.InReplyTo.ShouldBe("CAsender-0@MAIL.GMAIL.COM");
        reply.References.ShouldBe([SenderId, map.Map(EarlierOwnerId)]);
    }

    [Fact]
    public async Task ComposeAsync_NoMessageId_DerivesAStableIdFromTheHeaderBlock()
    {
        static byte[] WithoutId(string subject) => Encoding.ASCII.GetBytes(
            Encoding.ASCII.GetString(Gmail(subject: subject)).Replace($"Message-ID: <{OwnerId}>\r\n", string.Empty, StringComparison.Ordinal));

        using var first = Parse(await ComposeAsync(WithoutId("Re: a")));
        using var again = Parse(await ComposeAsync(WithoutId("Re: a")));
        using var other = Parse(await ComposeAsync(WithoutId("Re: b")));

        first.MessageId.ShouldNotBeNull().ShouldMatch("^[a-z2-7]{26}@example\\.com$");
        again.MessageId.ShouldBe(first.MessageId);
        other.MessageId.ShouldNotBe(first.MessageId);
    }

    [Theory]
    [InlineData("Re: order for Owner@Private.TEST", "Re: order for shop@example.com")]
    [InlineData("=?utf-8?q?R=C3=A9ponse_=C3=A0_owner=40private=2Etest?=", "Réponse à shop@example.com")]
    [InlineData("=?iso-8859-1?b?UulwIG93bmVyQHByaXZhdGUudGVzdA==?=", "Rép shop@example.com")]
    public async Task ComposeAsync_SubjectNamingTheDestination_NamesTheAlias(string subject, string expected)
    {
        var raw = await ComposeAsync(Gmail(subject: subject));

        using var reply = Parse(raw);
        reply.Subject.ShouldBe(expected);
        Encoding.ASCII.GetString(raw).ShouldNotContain("private", Case.Insensitive);
    }

    [Fact]
    public async Task ComposeAsync_SubjectWithoutTheDestination_IsCopiedAsWritten()
    {
        const string subject = "=?utf-8?q?R=C3=A9ponse?=\r\n =?utf-8?q?_longue?=";

        var raw = Encoding.ASCII.GetString(await ComposeAsync(Gmail(subject: subject)));

        raw.ShouldContain($"Subject: {subject}\r\n");
    }

    [Fact]
    public async Task ComposeAsync_AutoSubmittedAndContentLanguage_AreKeptOnce()
    {
        var raw = Encoding.ASCII.GetBytes(
            "Auto-Submitted: auto-replied\r\nContent-Language: de-DE\r\nSubject: first\r\nSubject: second\r\nFrom: owner@private.test\r\n" +
            "Content-Type: text/plain; charset=us-ascii\r\n\r\nAway until Monday.\r\n");

        var text = Encoding.ASCII.GetString(await ComposeAsync(raw));

        text.ShouldContain("Auto-Submitted: auto-replied\r\n");
        text.ShouldContain("Content-Language: de-DE\r\n");
        text.ShouldContain("Subject: first\r\n");
        text.ShouldNotContain("second");
    }

    [Fact]
    public async Task ComposeAsync_NoDate_AddsNone()
    {
        var raw = Encoding.ASCII.GetBytes("From: owner@private.test\r\nSubject: hi\r\n\r\nHello.\r\n");

        using var reply = Parse(await ComposeAsync(raw));

        reply.Headers.Contains(HeaderId.Date).ShouldBeFalse();
        ExactText(reply.Body.ShouldBeOfType<TextPart>()).ShouldBe("Hello.\r\n");
    }

    [Fact]
    public async Task ComposeAsync_CorrespondentWithNonAsciiName_IsEncoded()
    {
        var addresses = Addresses with { Correspondent = new MailboxAddress("Jürgen Müller", "j@sender.test") };

        var raw = await ComposeAsync(Gmail(), addresses);

        Encoding.Latin1.GetString(raw).ShouldNotContain("Jürgen");
        using var reply = Parse(raw);
        reply.To.Mailboxes.ShouldHaveSingleItem().Name.ShouldBe("Jürgen Müller");
    }
}
