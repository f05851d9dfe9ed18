using TacoMail.Lambda.Delivery.Storage;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>A mail bucket in memory, with the failures a real bucket can produce switched on by tests.</summary>
internal sealed class InMemoryMailStore : IMailStore
{
    private readonly Dictionary<string, (byte[] Content, IReadOnlyList<MailObjectTag> Tags)> _objects = new(StringComparer.Ordinal);

    public int Downloads { get; private set; }

    /// <summary>Thrown by the next tag write, then cleared.</summary>
    public Exception? NextPutTagsFailure { get; set; }

    public IReadOnlyCollection<string> Keys => Locked(() => _objects.Keys.ToList());

    public void Put(string key, byte[] content, params MailObjectTag[] tags) => Locked(() => _objects[key] = (content, tags));

    public bool Contains(string key) => Locked(() => _objects.ContainsKey(key));

    public byte[] Content(string key) => Locked(() => _objects[key].Content);

    public IReadOnlyList<MailObjectTag> Tags(string key) => Locked(() => _objects[key].Tags);

    public Task<IReadOnlyList<MailObjectTag>?> GetTagsAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(Locked(() => _objects.TryGetValue(key, out var entry) ? entry.Tags : null));

    public Task PutTagsAsync(string key, IReadOnlyList<MailObjectTag> tags, CancellationToken cancellationToken)
    {
        if (NextPutTagsFailure is { } failure)
        {
            NextPutTagsFailure = null;
            return Task.FromException(failure);
        }

        Locked(() => _objects[key] = (_objects[key].Content, [.. tags]));
        return Task.CompletedTask;
    }

    public async Task<long> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken)
    {
        var content = Locked(() => _objects.TryGetValue(key, out var entry) ? entry.Content : null)
            ?? throw new MailObjectMissingException(key);
        Downloads++;
        await destination.WriteAsync(content, cancellationToken);
        return content.Length;
    }

    public async Task UploadAsync(string key, string path, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        Locked(() => _objects[key] = (content, []));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Locked(() => _objects.Remove(key));
        return Task.CompletedTask;
    }

    private void Locked(Action action) => Locked(() =>
    {
        action();
        return true;
    });

    private T Locked<T>(Func<T> action)
    {
        lock (_objects)
        {
            return action();
        }
    }
}
