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
        Outage is { } outage ? Task.FromException<IReadOnlyList<MailObjectTag>?>(outage) : Task.FromResult(Locked(() => _objects.TryGetValue(key, out var entry) ? entry.Tags : null));

    public Task PutTagsAsync(string key, IReadOnlyList<MailObjectTag> tags, CancellationToken cancellationToken)
    {
        if ((NextPutTagsFailure ?? Outage) is { } failure)
        {
            NextPutTagsFailure = null;
            return Task.FromException(failure);
        }

        Locked(() => _objects[key] = (_objects[key].Content, [.. tags]));
        return Task.CompletedTask;
    }

    public async Task<long> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        var content = Locked(() => _objects.TryGetValue(key, out var entry) ? entry.Content : null)
            ?? throw new MailObjectMissingException(key);
        Downloads++;
        await destination.WriteAsync(content, cancellationToken);
        return content.Length;
    }

    public async Task UploadAsync(string key, string path, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        Locked(() => _objects[key] = (content, []));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfDown();
        Locked(() => _objects.Remove(key));
        return Task.CompletedTask;
    }

    /// <summary>Thrown by every call while set: the bucket is down.</summary>
    public Exception? Outage { get; set; }

    public Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken) =>
        Outage is { } outage ? Task.FromException<byte[]?>(outage)
            : Task.FromResult(Locked(() => _objects.TryGetValue(key, out var entry) ? entry.Content : null));

    public Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        if (Outage is { } outage)
        {
            return Task.FromException(outage);
        }

        Locked(() => _objects[key] = ([.. content], []));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
        Outage is { } outage ? Task.FromException<IReadOnlyList<string>>(outage)
            : Task.FromResult<IReadOnlyList<string>>(Locked(() => _objects.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()));

    private void ThrowIfDown()
    {
        if (Outage is { } outage)
        {
            throw outage;
        }
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
