using System.Text;

namespace TacoMail.MailPath.Messages;

/// <summary>
/// A received message in a local file, as every host keeps it before delivering (the Lambda's
/// download from S3, the SMTP front end's spool): forwarded once per alias with its header block
/// parsed on first use, its body never held in memory.
/// </summary>
public class MessageFile
{
    private HeaderBlock? _block;
    private IReadOnlyList<HeaderField>? _fields;

    /// <param name="path">The message file.</param>
    /// <param name="length">Its size in bytes.</param>
    public MessageFile(string path, long length)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Path = path;
        Length = length;
    }

    public string Path { get; }

    /// <summary>The size of the message as stored.</summary>
    public long Length { get; }

    /// <summary>The forward of this message for one alias, its Reply-To the <paramref name="reverse"/> address when given.</summary>
    /// <exception cref="MessageFormatException">The header block is too large to rewrite.</exception>
    public async Task<ForwardedMessage> ForwardForAsync(
        string aliasAddress, string? envelopeSender, MimeKit.MailboxAddress? reverse, CancellationToken cancellationToken)
    {
        var (block, fields) = await HeadAsync(cancellationToken).ConfigureAwait(false);
        var head = ForwardingHeaderRewriter.Rewrite(fields, aliasAddress, envelopeSender, reverse);
        return new ForwardedMessage(head, Path, block.BodyOffset, Length - block.BodyOffset);
    }

    /// <summary>The message's top-level header fields, as received.</summary>
    /// <exception cref="MessageFormatException">The header block is too large to read.</exception>
    public async Task<IReadOnlyList<HeaderField>> FieldsAsync(CancellationToken cancellationToken) =>
        (await HeadAsync(cancellationToken).ConfigureAwait(false)).Fields;

    /// <summary>The values of the message's <c>X-TacoMail-Alias</c> fields: the aliases it was forwarded for before.</summary>
    /// <exception cref="MessageFormatException">The header block is too large to read.</exception>
    public async Task<IReadOnlyList<string>> AliasTraceAsync(CancellationToken cancellationToken)
    {
        var (_, fields) = await HeadAsync(cancellationToken).ConfigureAwait(false);
        return [.. fields.Where(f => f.Is(HeaderRules.AliasHeader)).Select(f => Encoding.UTF8.GetString(f.Value).Trim())];
    }

    /// <summary>
    /// Why sending this message on for <paramref name="aliasAddress"/> would feed a loop
    /// (<see cref="LoopRule"/> over its <c>X-TacoMail-Alias</c> trace); null when it would not.
    /// </summary>
    /// <exception cref="MessageFormatException">The header block is too large to read.</exception>
    public async Task<string?> LoopThroughAsync(string aliasAddress, CancellationToken cancellationToken) =>
        LoopRule.Check(await AliasTraceAsync(cancellationToken).ConfigureAwait(false), aliasAddress);

    /// <summary>The header block as received.</summary>
    /// <exception cref="MessageFormatException">The header block is too large to read.</exception>
    public async Task<byte[]> HeaderBytesAsync(CancellationToken cancellationToken) =>
        (await HeadAsync(cancellationToken).ConfigureAwait(false)).Block.Bytes;

    private async Task<(HeaderBlock Block, IReadOnlyList<HeaderField> Fields)> HeadAsync(CancellationToken cancellationToken)
    {
        if (_block is null || _fields is null)
        {
            var file = new FileStream(
                Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
            await using var fileScope = file.ConfigureAwait(false);
            _block = await HeaderBlockReader.ReadAsync(file, cancellationToken).ConfigureAwait(false);
            _fields = HeaderFieldParser.Parse(_block.Bytes, out _);
        }

        return (_block, _fields);
    }
}
