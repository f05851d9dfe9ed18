namespace TacoMail.MailPath.Storage;

/// <summary>
/// An object's body being downloaded, with the length the store announced so that a download
/// cut short is noticed before the message is delivered. Disposing it ends the download.
/// </summary>
public sealed class StoredContent(Stream stream, long length, IDisposable? owner = null) : IAsyncDisposable
{
    public Stream Stream { get; } = stream;

    public long Length { get; } = length;

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        owner?.Dispose();
    }
}
