using System.Text;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.MailPath.Messages;

namespace TacoMail.Lambda.Delivery.Messages;

/// <summary>
/// The received message, streamed from S3 into a temporary file once per invocation (messages reach
/// 40 MB; the Lambda's memory holds none of it), filed from there as it is, or forwarded once per
/// alias with its header block parsed on first use. Disposing deletes the file.
/// </summary>
internal sealed class StoredMessage : IAsyncDisposable
{
    private const int FileBufferSize = 81_920;

    private HeaderBlock? _block;
    private IReadOnlyList<HeaderField>? _fields;

    private StoredMessage(string path, long length)
    {
        Path = path;
        Length = length;
    }

    public string Path { get; }

    /// <summary>The size of the message as stored.</summary>
    public long Length { get; }

    /// <exception cref="MailObjectMissingException">The object is gone.</exception>
    public static async Task<StoredMessage> LoadAsync(IMailStore store, string key, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var path = System.IO.Path.Combine(directory, $"{TemporaryFiles.MessagePrefix}{Guid.NewGuid():N}{TemporaryFiles.MessageSuffix}");
        try
        {
            var file = new FileStream(
                path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, FileBufferSize, FileOptions.Asynchronous);
            await using var fileScope = file.ConfigureAwait(false);
            var length = await store.DownloadAsync(key, file, cancellationToken).ConfigureAwait(false);
            return new StoredMessage(path, length);
        }
        catch
        {
            TryDelete(path);
            throw;
        }
    }

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

    public ValueTask DisposeAsync()
    {
        TryDelete(Path);
        return ValueTask.CompletedTask;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Lambda's /tmp is per environment and small files left by a crash are harmless.
        }
    }
}
