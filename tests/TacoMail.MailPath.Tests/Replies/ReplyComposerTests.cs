using System.Text;
using MimeKit;
using static TacoMail.MailPath.Tests.Replies.ReplyMessages;

namespace TacoMail.MailPath.Tests.Replies;

/// <summary>The promise to the owner: S never sees D. Topics in the other <c>ReplyComposerTests.*.cs</c> files.</summary>
public sealed partial class ReplyComposerTests
{
    [Fact]
    public async Task ComposeAsync_GmailReply_NoHeaderOfAnyEntityNamesTheDestination()
    {
        using var reply = Parse(await ComposeAsync(Gmail()));

        var headers = AllHeaders(reply).ToList();

        headers.Count.ShouldBeGreaterThan(20);
        foreach (var header in headers)
        {
            header.Value.ShouldNotContain(Destination, Case.Insensitive, $"{header.Field} names D");
            header.Value.ShouldNotContain("private.test", Case.Insensitive, $"{header.Field} names D's domain");
        }
    }

    [Fact]
    public async Task ComposeAsync_GmailReply_NoBodyTextNamesTheDestinationInAnySpelling()
    {
        using var reply = Parse(await ComposeAsync(Gmail()));

        var texts = reply.BodyParts.OfType<TextPart>().Where(p => p.IsPlain || p.IsHtml).Select(ExactText).ToList();

        texts.Count.ShouldBe(3);
        foreach (var text in texts)
        {
            foreach (var at in new[] { "@", "&#64;", "&#x40;", "&commat;", "%40" })
            {
                text.ShouldNotContain($"owner{at}private.test", Case.Insensitive);
            }
        }
    }

    [Fact]
    public async Task ComposeAsync_GmailReply_RawOutputNamesNeitherTheDestinationNorItsDomain()
    {
        var raw = Encoding.Latin1.GetString(await ComposeAsync(Gmail()));

        raw.ShouldNotContain(Destination, Case.Insensitive);
        raw.ShouldNotContain("private", Case.Insensitive);
        raw.ShouldContain(Alias);
    }

    [Fact]
    public async Task ComposeAsync_GmailReply_QuotedLinesNameTheAlias()
    {
        using var reply = Parse(await ComposeAsync(Gmail()));

        ExactText(reply.BodyParts.OfType<TextPart>().First(p => p.IsPlain)).ShouldBe(
            "Thanks, I will wait for the parcel.\r\n" +
            "\r\n" +
            "On Mon, 1 Dec 2026, Owner <shop@example.com> wrote:\r\n" +
            "> Where is my order? Write to shop@example.com if needed.");
        reply.HtmlBody.ShouldNotBeNull().ShouldContain("<a href=\"mailto:shop@example.com\">shop@example.com</a>");
    }

    [Fact]
    public async Task ComposeAsync_GmailReply_WritesCrLfLineEndsOnly()
    {
        var raw = Encoding.Latin1.GetString(await ComposeAsync(Gmail()));

        raw.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
        raw.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\r');
    }

    [Fact]
    public async Task ComposeAsync_LfMessage_WritesCrLfLineEnds()
    {
        var lf = Encoding.ASCII.GetString(Gmail()).Replace("\r\n", "\n", StringComparison.Ordinal);

        var raw = Encoding.Latin1.GetString(await ComposeAsync(Encoding.ASCII.GetBytes(lf)));

        raw.ShouldContain("\r\n");
        raw.Replace("\r\n", string.Empty, StringComparison.Ordinal).ShouldNotContain('\n');
        using var reply = Parse(Encoding.Latin1.GetBytes(raw));
        reply.Attachments.OfType<MimePart>().ShouldHaveSingleItem().FileName.ShouldBe("invoice.pdf");
    }
}
