using System.Runtime.CompilerServices;
using TacoMail.Reconciler.Mailbox;
using TacoMail.Reconciler.Queue;
using TacoMail.Schema.Queue;

namespace TacoMail.Reconciler.Tests.Queue;

/// <summary>A mail bucket in memory: objects, tags, and a key whose reading fails on demand.</summary>
internal sealed class InMemoryQueueStore : IQueueStore
{
    private readonly SortedDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>> _tags = new(StringComparer.Ordinal);

    public string? FailingKey { get; set; }

    public List<string> Deleted { get; } = [];

    public IReadOnlyCollection<string> Keys => _objects.Keys;

    public byte[] this[string key] => _objects[key];

    public InMemoryQueueStore Put(string key, byte[] content, params KeyValuePair<string, string>[] tags)
    {
        _objects[key] = content;
        _tags[key] = tags;
        return this;
    }

    public InMemoryQueueStore Put(QueueEntry entry)
    {
        var key = entry.State == QueueEntryState.Failed ? MailBucketLayout.FailedEntryKey(entry.MessageId) : MailBucketLayout.QueueEntryKey(entry.MessageId);
        return Put(key, QueueEntryCodec.Encode(entry));
    }

    public QueueEntry Entry(string key)
    {
        QueueEntryCodec.TryDecode(_objects[key], out var entry, out var problem).ShouldBeTrue(problem);
        return entry!;
    }

    public IReadOnlyList<KeyValuePair<string, string>> TagsOf(string key) => _tags.TryGetValue(key, out var tags) ? tags : [];

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (key, content) in _objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            yield return new StoredObject(key, content.Length);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_objects.ContainsKey(key));

    public Task<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken) =>
        key == FailingKey || !_objects.TryGetValue(key, out var content)
            ? throw new MailboxStoreException($"reading '{key}' failed (NoSuchKey)")
            : Task.FromResult(content);

    public Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        _objects[key] = content;
        _tags.Remove(key);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<KeyValuePair<string, string>>> ReadTagsAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(TagsOf(key));

    public Task WriteTagsAsync(string key, IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken)
    {
        _tags[key] = tags;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _objects.Remove(key);
        _tags.Remove(key);
        Deleted.Add(key);
        return Task.CompletedTask;
    }
}
