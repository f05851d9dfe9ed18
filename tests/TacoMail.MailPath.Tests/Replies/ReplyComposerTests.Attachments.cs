using System.Text;
using MimeKit;
using static TacoMail.MailPath.Tests.Replies.ReplyMessages;

namespace TacoMail.MailPath.Tests.Replies;

public sealed partial class ReplyComposerTests
{
    [Fact]
    public async Task ComposeAsync_Attachment_DecodesToTheSameBytes()
    {
        using var reply = Parse(await ComposeAsync(Gmail()));

        var attachment = reply.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        using var decoded = new MemoryStream();
        attachment.Content.ShouldNotBeNull().DecodeTo(decoded, TestContext.Current.CancellationToken);
        decoded.ToArray().ShouldBe(AttachmentBytes);
        attachment.FileName.ShouldBe("invoice.pdf");
    }

    [Fact]
    public async Task ComposeAsync_Attachment_IsCopiedEncodedAsReceivedWithItsHeaders()
    {
        var raw = await ComposeAsync(Gmail());

        Contains(raw, Encoding.ASCII.GetBytes($"--{OuterBoundary}\r\n{AttachmentPart}\r\n--{OuterBoundary}--")).ShouldBeTrue();
    }
}
