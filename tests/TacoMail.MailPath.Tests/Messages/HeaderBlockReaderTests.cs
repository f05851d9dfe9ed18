using System.Text;
using TacoMail.MailPath.Messages;

namespace TacoMail.MailPath.Tests.Messages;

public sealed class HeaderBlockReaderTests
{
    [Fact]
    public async Task ReadAsync_CrLfMessage_SplitsAtTheBlankLine()
    {
        var message = Encoding.ASCII.GetBytes("Subject: a\r\nTo: b@c\r\n\r\nbody\r\n");

        var block = await ReadAsync(message);

        Encoding.ASCII.GetString(block.Bytes).ShouldBe("Subject: a\r\nTo: b@c\r\n");
        block.BodyOffset.ShouldBe(23);
        Encoding.ASCII.GetString(message.AsSpan((int)block.BodyOffset)).ShouldBe("body\r\n");
    }

    [Fact]
    public async Task ReadAsync_LfMessage_BodyStartsAfterTheLfBlankLine()
    {
        var block = await ReadAsync(Encoding.ASCII.GetBytes("Subject: a\n\nbody\n"));

        Encoding.ASCII.GetString(block.Bytes).ShouldBe("Subject: a\n");
        block.BodyOffset.ShouldBe(12);
    }

    [Fact]
    public async Task ReadAsync_HeadersOnlyWithoutFinalNewLine_IsAllHeaderAndNoBody()
    {
        var message = Encoding.ASCII.GetBytes("Subject: a\r\nTo: b@c");

        var block = await ReadAsync(message);

        Encoding.ASCII.GetString(block.Bytes).ShouldBe("Subject: a\r\nTo: b@c");
        block.BodyOffset.ShouldBe(message.Length);
    }

    [Fact]
    public async Task ReadAsync_BlankFirstLine_HasNoHeaders()
    {
        var block = await ReadAsync(Encoding.ASCII.GetBytes("\r\nbody"));

        block.Bytes.ShouldBeEmpty();
        block.BodyOffset.ShouldBe(2);
    }

    [Fact]
    public async Task ReadAsync_HeaderBlockOverTheLimit_Throws()
    {
        var message = Encoding.ASCII.GetBytes("X-Long: " + new string('a', 200) + "\r\n\r\nbody");

        await Should.ThrowAsync<MessageFormatException>(
            () => HeaderBlockReader.ReadAsync(new MemoryStream(message), TestContext.Current.CancellationToken, maxHeaderBytes: 100));
    }

    private static Task<HeaderBlock> ReadAsync(byte[] message) =>
        HeaderBlockReader.ReadAsync(new MemoryStream(message), TestContext.Current.CancellationToken);
}
