using System.Security.Cryptography;
using System.Text;
using MimeKit;
using TacoMail.MailPath.Replies;
using static TacoMail.MailPath.Tests.Replies.ReplyMessages;

namespace TacoMail.MailPath.Tests.Replies;

/// <summary>Counts the bytes the whole process allocates, so it runs alone (<see cref="AllocationCollectionDefinition"/>).</summary>
[Collection(AllocationCollectionDefinition.Name)]
public sealed class ReplyComposerMemoryTests
{
    private const int AttachmentLength = 10 * 1024 * 1024;

    [Fact]
    public async Task ComposeAsync_TenMegabyteAttachment_IsStreamedNotHeldInMemory()
    {
        var attachment = new byte[AttachmentLength];
        new Random(10).NextBytes(attachment);
        var expectedHash = SHA256.HashData(attachment);
        using var input = new TempFile(Encoding.ASCII.GetBytes(
            GmailHeaders() +
            "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n" +
            "--b1\r\nContent-Type: text/plain\r\n\r\nHere it is, owner@private.test\r\n" +
            "--b1\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\n" +
            "Content-Disposition: attachment; filename=\"big.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            Base64Lines(attachment) + "\r\n--b1--\r\n"));
        attachment = null;
        using var output = new TempFile(Path.Combine(Path.GetTempPath(), $"tacomail-reply-{Guid.NewGuid():N}.out"));
        var cancellationToken = TestContext.Current.CancellationToken;

        long allocated;
        await using (var stream = File.Create(output.Path, 1, FileOptions.Asynchronous))
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await ReplyComposer.ComposeAsync(input.Path, Addresses, stream, cancellationToken);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        allocated.ShouldBeLessThan(AttachmentLength / 2);
        await using var result = File.OpenRead(output.Path);
        using var reply = await new MimeParser(result, MimeFormat.Entity, persistent: true).ParseMessageAsync(cancellationToken);
        var part = reply.Attachments.OfType<MimePart>().ShouldHaveSingleItem();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var sink = new HashingStream(hash))
        {
            await part.Content.ShouldNotBeNull().DecodeToAsync(sink, cancellationToken);
        }

        hash.GetHashAndReset().ShouldBe(expectedHash);
        reply.TextBody.ShouldNotBeNull().ShouldContain(Alias);
    }

    /// <summary>A write-only stream feeding a hash, so the check holds no copy of the attachment either.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
