using TacoMail.Lambda.Delivery.Storage;
using TacoMail.MailPath.Messages;

namespace TacoMail.Lambda.Delivery.Messages;

/// <summary>
/// The received message, streamed from S3 into a temporary file once per invocation (messages reach
/// 40 MB; the Lambda's memory holds none of it), filed from there as it is, or forwarded once per
/// alias (<see cref="MessageFile"/>, the mail path's one reading of a message file). Disposing
/// deletes the file.
/// </summary>
internal sealed class StoredMessage : MessageFile, IAsyncDisposable
{
    private const int FileBufferSize = 81_920;

    private StoredMessage(string path, long length)
        : base(path, length)
    {
    }

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
