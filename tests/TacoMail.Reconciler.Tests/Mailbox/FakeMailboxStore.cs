using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using TacoMail.MailPath.Storage;
using TacoMail.Reconciler.Mailbox;

namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>An in-memory mailbox store that journals every call and fails on demand.</summary>
internal sealed class FakeMailboxStore(OperationJournal journal) : IMailboxStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

    /// <summary>Keys whose download throws, and what.</summary>
    public Dictionary<string, Exception> ReadFailures { get; } = [];

    /// <summary>Keys whose download announces more bytes than it delivers.</summary>
    public HashSet<string> TruncatedReads { get; } = [];

    /// <summary>When set, every delete throws a store failure (a crash between rename and delete).</summary>
    public bool FailDeletes { get; set; }

    /// <summary>Wraps each body stream, for tests that interrupt a download.</summary>
    public Func<string, Stream, Stream>? WrapBody { get; set; }

    public IReadOnlyCollection<string> Keys => [.. _objects.Keys.Order(StringComparer.Ordinal)];

    public FakeMailboxStore Put(string key, byte[] body)
    {
        _objects[key] = body;
        return this;
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        journal.Add($"list {prefix}");
        foreach (var key in Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new StoredObject(key, _objects[key].Length);
        }
    }

    public async Task<StoredContent> OpenAsync(string key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        journal.Add($"get {key}");
        if (ReadFailures.TryGetValue(key, out var failure))
        {
            throw failure;
        }

        if (!_objects.TryGetValue(key, out var body))
        {
            throw new MailboxStoreException($"reading '{key}': the object is gone");
        }

        Stream stream = new MemoryStream(body, writable: false);
        stream = WrapBody?.Invoke(key, stream) ?? stream;
        return new StoredContent(stream, TruncatedReads.Contains(key) ? body.Length + 100 : body.Length);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        journal.Add($"delete {key}");
        if (FailDeletes)
        {
            throw new MailboxStoreException($"deleting '{key}' failed (SlowDown): simulated");
        }

        _objects.TryRemove(key, out _);
    }
}
