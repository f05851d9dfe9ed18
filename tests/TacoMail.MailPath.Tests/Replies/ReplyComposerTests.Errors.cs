using System.Text;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Replies;
using static TacoMail.MailPath.Tests.Replies.ReplyMessages;

namespace TacoMail.MailPath.Tests.Replies;

public sealed partial class ReplyComposerTests
{
    public static TheoryData<string, byte[]> NoMessages => new()
    {
        { "empty", [] },
        { "random bytes", RandomBytes() },
        { "text without fields", Encoding.ASCII.GetBytes("Just some text, no header.\r\nMore text.\r\n") },
        { "blank first line", Encoding.ASCII.GetBytes("\r\nFrom: owner@private.test\r\n\r\nbody\r\n") },
    };

    [Theory]
    [MemberData(nameof(NoMessages))]
    public async Task ComposeAsync_NotAMessage_ThrowsMessageFormatException(string what, byte[] content)
    {
        using var file = new TempFile(content);
        using var output = new MemoryStream();

        var error = await Should.ThrowAsync<MessageFormatException>(
            () => ReplyComposer.ComposeAsync(file.Path, Addresses, output, TestContext.Current.CancellationToken), what);

        error.Message.ShouldNotContain("private.test");
    }

    [Fact]
    public async Task ComposeAsync_MissingFile_ThrowsFileNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tacomail-missing-{Guid.NewGuid():N}.eml");

        await Should.ThrowAsync<FileNotFoundException>(
            () => ReplyComposer.ComposeAsync(path, Addresses, Stream.Null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ComposeAsync_HeadersOnly_GivesAReplyWithoutBody()
    {
        var raw = Encoding.ASCII.GetString(await ComposeAsync(Encoding.ASCII.GetBytes("From: owner@private.test\r\nSubject: ok\r\n")));

        raw.ShouldContain("Subject: ok\r\n");
        raw.ShouldNotContain("private.test");
    }

    private static byte[] RandomBytes()
    {
        var bytes = new byte[4096];
        new Random(20261201).NextBytes(bytes);
        return bytes;
    }
}
