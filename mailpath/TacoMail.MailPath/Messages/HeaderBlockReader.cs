namespace TacoMail.MailPath.Messages;

/// <summary>
/// Finds the end of a message's header block: the first empty line (<c>LF LF</c> or
/// <c>LF CR LF</c>). Reads at most <see cref="MaxHeaderBytes"/>, so a message of any size costs
/// at most that much memory here; the body is never read.
/// </summary>
public static class HeaderBlockReader
{
    public const int MaxHeaderBytes = 1024 * 1024;

    /// <exception cref="MessageFormatException">No blank line within <paramref name="maxHeaderBytes"/>.</exception>
    public static async Task<HeaderBlock> ReadAsync(Stream message, CancellationToken cancellationToken, int maxHeaderBytes = MaxHeaderBytes)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeaderBytes, 1);
        var buffer = new byte[maxHeaderBytes + 2];
        var read = await message.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var data = buffer.AsSpan(0, read);

        var blank = FindBlankLine(data);
        if (blank >= 0 && blank <= maxHeaderBytes)
        {
            var separator = data[blank] == '\r' ? 2 : 1;
            return new HeaderBlock(data[..blank].ToArray(), blank + separator);
        }

        if (read < buffer.Length)
        {
            // Headers only: the forward gets the missing blank line.
            return new HeaderBlock(data.ToArray(), read);
        }

        throw new MessageFormatException($"The header block is larger than {maxHeaderBytes} bytes.");
    }

    /// <summary>The offset of the first empty line, or -1.</summary>
    private static int FindBlankLine(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("\n"u8) || data.StartsWith("\r\n"u8))
        {
            return 0;
        }

        for (var lf = data.IndexOf((byte)'\n'); lf >= 0 && lf < data.Length - 1; lf = Next(data, lf))
        {
            var rest = data[(lf + 1)..];
            if (rest.StartsWith("\n"u8) || rest.StartsWith("\r\n"u8))
            {
                return lf + 1;
            }
        }

        return -1;
    }

    private static int Next(ReadOnlySpan<byte> data, int lf)
    {
        var next = data[(lf + 1)..].IndexOf((byte)'\n');
        return next < 0 ? -1 : lf + 1 + next;
    }
}
