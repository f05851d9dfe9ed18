using System.Runtime.CompilerServices;

namespace TacoMail.MailPath.Messages;

/// <summary>
/// A forward as bytes to send, never held in memory whole: the rewritten header block, then the
/// stored file from the blank line on, copied byte for byte (so attachments and any signed or
/// encrypted parts arrive exactly as received).
/// </summary>
/// <param name="Head">The rewritten header block (plus the blank line when the original had none).</param>
/// <param name="Path">The stored message's file.</param>
/// <param name="BodyOffset">Where the body segment (blank line, then body) starts in the file.</param>
/// <param name="BodyLength">How many bytes of the file follow the head.</param>
public sealed record ForwardedMessage(byte[] Head, string Path, long BodyOffset, long BodyLength)
{
    public const int ChunkSize = 81_920;

    /// <summary>A message held in memory whole (a delivery status notification), with no file behind it.</summary>
    public static ForwardedMessage InMemory(byte[] message) => new(message, string.Empty, 0, 0);

    /// <summary>A file sent exactly as it is, head and all (a composed reply, a queued notice).</summary>
    public static ForwardedMessage WholeFile(string path, long length) => new([], path, 0, length);

    /// <summary>The size of the message as sent (what SES's 40 MB limit applies to).</summary>
    public long Length => Head.Length + BodyLength;

    /// <summary>
    /// The message in order, in chunks of at most <see cref="ChunkSize"/> bytes. A chunk is valid
    /// only until the next one is requested (one buffer is reused).
    /// </summary>
    /// <exception cref="EndOfStreamException">The file is shorter than recorded.</exception>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return Head;
        if (BodyLength == 0)
        {
            yield break;
        }

        var file = new FileStream(
            Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var fileScope = file.ConfigureAwait(false);
        file.Position = BodyOffset;
        var buffer = new byte[ChunkSize];
        var remaining = BodyLength;
        while (remaining > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException($"The stored message ended {remaining} bytes early.");
            }

            remaining -= read;
            yield return buffer.AsMemory(0, read);
        }
    }

    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await foreach (var chunk in ReadChunksAsync(cancellationToken).ConfigureAwait(false))
        {
            await destination.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }
}
