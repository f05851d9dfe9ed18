using System.Text;
using TacoMail.Lambda.Delivery.Messages;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed class HeaderBlockReaderTests
{
    [Fact]
    public async Task ReadAsync_CrLfMessage_SplitsAtTheBlankLine()
    {
        var message = Encoding.ASCII.GetBytes("Subject: a\r\nTo: b@c\r\n\r\nbody\r\n");

        var block = await ReadAsync(message);

        Encoding.ASCII.GetString(block.Bytes).ShouldBe("Subject: a\r\nTo: b@c\r\n");
        block.BodyOffset.ShouldBe(21);
        block.HasSeparator.ShouldBeTrue();
        block.NewLine.ShouldBe("\r\n");
    }

    [Fact]
    public async Task ReadAsync_LfMessage_KeepsLfAsTheNewLine()
    {
        var block = await ReadAsync(Encoding.ASCII.GetBytes("Subject: a\n\nbody\n"));

        Encoding.ASCII.GetString(block.Bytes).ShouldBe("Subject: a\n");
        block.BodyOffset.ShouldBe(11);
        block.NewLine.ShouldBe("\n");
    }

    [Fact]
    public async Task ReadAsync_HeadersOnlyWithoutFinalNewLine_AddsTheNewLineAndNoSeparator()
    {
        var message = Encoding.ASCII.GetBytes("Subject: a\r\nTo: b@c");

        var block = await ReadAsync(message);

        Encoding.ASCII.GetString(block.Bytes).ShouldBe("Subject: a\r\nTo: b@c\r\n");
        block.HasSeparator.ShouldBeFalse();
        block.BodyOffset.ShouldBe(message.Length);
    }

    [Fact]
    public async Task ReadAsync_BlankFirstLine_HasNoHeaders()
    {
        var block = await ReadAsync(Encoding.ASCII.GetBytes("\r\nbody"));

        block.Bytes.ShouldBeEmpty();
        block.BodyOffset.ShouldBe(0);
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
