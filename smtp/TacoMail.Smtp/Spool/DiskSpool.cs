using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace TacoMail.Smtp.Spool;

/// <summary>
/// The durable on-disk queue under one spool directory:
/// <c>tmp/</c> (being written), <c>queue/</c> (accepted, awaiting delivery: <c>&lt;id&gt;.eml</c>,
/// the raw message as received, and <c>&lt;id&gt;.json</c>, its <see cref="SpoolEnvelope"/>) and
/// <c>dropped/</c> (the envelope alone of a message every recipient of which dropped it) and
/// <c>failed/</c> (messages given up: looped, refused for good, or past the queue lifetime, kept
/// with their envelope saying why; never deleted by the server).
/// </summary>
/// <remarks>
/// Both files are written and fsynced in <c>tmp/</c>, then renamed into <c>queue/</c>, the
/// envelope last, and the directories fsynced; only then may the server answer 250. The envelope
/// is the commit record: a <c>.eml</c> without its <c>.json</c> was never acknowledged (a crash
/// between the two renames) and is not an entry. Any failure removes what this attempt left and
/// throws, so the server answers 451 and the client keeps the message.
/// </remarks>
internal sealed class DiskSpool
{
    public const string TmpDirectory = "tmp";
    public const string QueueDirectory = "queue";
    public const string DroppedDirectory = "dropped";
    public const string FailedDirectory = "failed";
    public const string MessageExtension = ".eml";
    public const string EnvelopeExtension = ".json";

    private readonly ISpoolDisk _disk;
    private readonly TimeProvider _time;

    public DiskSpool(string root, ISpoolDisk disk, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(disk);
        ArgumentNullException.ThrowIfNull(time);
        Root = Path.GetFullPath(root);
        _disk = disk;
        _time = time;
    }

    public string Root { get; }

    public string Tmp => Path.Combine(Root, TmpDirectory);

    public string Queue => Path.Combine(Root, QueueDirectory);

    public string Dropped => Path.Combine(Root, DroppedDirectory);

    public string Failed => Path.Combine(Root, FailedDirectory);

    /// <summary>Creates the spool's directories; a server that cannot do so should not start.</summary>
    public void EnsureCreated()
    {
        foreach (var directory in new[] { Tmp, Queue, Dropped, Failed })
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>A queue id: the receiving time in milliseconds (so a listing sorts by age) and 64 random bits.</summary>
    public string NewId() =>
        string.Create(CultureInfo.InvariantCulture, $"{_time.GetUtcNow().ToUnixTimeMilliseconds():x12}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");

    /// <summary>Queues <paramref name="message"/> for delivery with its envelope; returns only once both are durable.</summary>
    /// <exception cref="IOException">Or another exception: nothing was queued.</exception>
    public async Task QueueAsync(SpoolEnvelope envelope, ReadOnlySequence<byte> message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var tmpMessage = Path.Combine(Tmp, envelope.Id + MessageExtension);
        var tmpEnvelope = Path.Combine(Tmp, envelope.Id + EnvelopeExtension);
        var queuedMessage = MessagePath(envelope.Id);
        var queuedEnvelope = EnvelopePath(envelope.Id);
        try
        {
            await _disk.WriteDurablyAsync(tmpMessage, message, cancellationToken).ConfigureAwait(false);
            await _disk.WriteDurablyAsync(tmpEnvelope, Serialize(envelope), cancellationToken).ConfigureAwait(false);
            _disk.SyncDirectory(Tmp);
            _disk.Move(tmpMessage, queuedMessage);
            _disk.Move(tmpEnvelope, queuedEnvelope);
            _disk.SyncDirectory(Queue);
        }
        catch
        {
            // The envelope goes first: without it nothing is an entry, even if deleting the message fails.
            RemoveQuietly(queuedEnvelope, queuedMessage, tmpEnvelope, tmpMessage);
            throw;
        }
    }

    /// <summary>Records a message that every recipient dropped (paused aliases): its envelope only, never its content.</summary>
    public async Task RecordDroppedAsync(SpoolEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var tmpEnvelope = Path.Combine(Tmp, envelope.Id + EnvelopeExtension);
        var recorded = Path.Combine(Dropped, envelope.Id + EnvelopeExtension);
        try
        {
            await _disk.WriteDurablyAsync(tmpEnvelope, Serialize(envelope), cancellationToken).ConfigureAwait(false);
            _disk.Move(tmpEnvelope, recorded);
            _disk.SyncDirectory(Dropped);
        }
        catch
        {
            RemoveQuietly(recorded, tmpEnvelope);
            throw;
        }
    }

    /// <summary>The queue's entries (the messages with an envelope), oldest first.</summary>
    public IReadOnlyList<string> QueuedIds() =>
        [.. Directory.EnumerateFiles(Queue, "*" + EnvelopeExtension).Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal)];

    /// <summary>The queued message's file.</summary>
    public string MessagePath(string id) => Path.Combine(Queue, id + MessageExtension);

    private string EnvelopePath(string id) => Path.Combine(Queue, id + EnvelopeExtension);

    private string FailedPath(string id, string extension) => Path.Combine(Failed, id + extension);

    /// <summary>The envelope of a queued message; null when it is no longer queued.</summary>
    /// <exception cref="JsonException">The envelope cannot be read: the caller moves the entry to <c>failed/</c>.</exception>
    public async Task<SpoolEnvelope?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var path = EnvelopePath(id);
        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, SpoolJsonContext.Default.SpoolEnvelope, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("The envelope is null.");
            }
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Records the delivery's progress: the envelope is replaced atomically (written, fsynced, renamed over the old one).</summary>
    public async Task SaveAsync(SpoolEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var tmp = Path.Combine(Tmp, $"{envelope.Id}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}{EnvelopeExtension}");
        try
        {
            await _disk.WriteDurablyAsync(tmp, Serialize(envelope), cancellationToken).ConfigureAwait(false);
            _disk.Move(tmp, EnvelopePath(envelope.Id), overwrite: true);
            _disk.SyncDirectory(Queue);
        }
        catch
        {
            RemoveQuietly(tmp);
            throw;
        }
    }

    /// <summary>Removes a delivered message: the envelope first, so a crash in between leaves an orphan, never an entry without its message.</summary>
    public void Complete(string id)
    {
        _disk.Delete(EnvelopePath(id));
        _disk.Delete(MessagePath(id));
        _disk.SyncDirectory(Queue);
    }

    /// <summary>
    /// Moves a message that was given up to <c>failed/</c>, its envelope saying why: the envelope is
    /// written there first, then the queue's removed, then the message moved; a crash in between
    /// leaves an orphan that <see cref="Recover"/> finishes moving.
    /// </summary>
    public async Task MoveToFailedAsync(SpoolEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var tmp = Path.Combine(Tmp, envelope.Id + ".failed" + EnvelopeExtension);
        try
        {
            await _disk.WriteDurablyAsync(tmp, Serialize(envelope), cancellationToken).ConfigureAwait(false);
            _disk.Move(tmp, FailedPath(envelope.Id, EnvelopeExtension), overwrite: true);
            _disk.SyncDirectory(Failed);
        }
        catch
        {
            RemoveQuietly(tmp);
            throw;
        }

        _disk.Delete(EnvelopePath(envelope.Id));
        _disk.Move(MessagePath(envelope.Id), FailedPath(envelope.Id, MessageExtension), overwrite: true);
        _disk.SyncDirectory(Queue);
        _disk.SyncDirectory(Failed);
    }

    /// <summary>
    /// Moves an entry whose envelope cannot be read, or whose message is missing, to <c>failed/</c>
    /// as it is, for an operator: never deleted, never retried blind.
    /// </summary>
    public void MoveAsIsToFailed(string id)
    {
        if (File.Exists(MessagePath(id)))
        {
            _disk.Move(MessagePath(id), FailedPath(id, MessageExtension), overwrite: true);
        }

        _disk.Move(EnvelopePath(id), FailedPath(id, EnvelopeExtension), overwrite: true);
        _disk.SyncDirectory(Failed);
        _disk.SyncDirectory(Queue);
    }

    /// <summary>
    /// At start, before delivering: removes what a crash left in <c>tmp/</c> (never acknowledged)
    /// and each <c>.eml</c> in <c>queue/</c> without its envelope (a crash between the two renames,
    /// also never acknowledged), except one whose envelope is already in <c>failed/</c>, which is
    /// moved there. Entries themselves are never touched.
    /// </summary>
    /// <returns>How many leftovers were removed and how many failed messages were completed.</returns>
    public (int Removed, int MovedToFailed) Recover()
    {
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(Tmp))
        {
            RemoveQuietly(path);
            removed++;
        }

        var moved = 0;
        foreach (var message in Directory.EnumerateFiles(Queue, "*" + MessageExtension))
        {
            var id = Path.GetFileNameWithoutExtension(message);
            if (File.Exists(EnvelopePath(id)))
            {
                continue;
            }

            if (File.Exists(FailedPath(id, EnvelopeExtension)))
            {
                _disk.Move(message, FailedPath(id, MessageExtension), overwrite: true);
                moved++;
            }
            else
            {
                RemoveQuietly(message);
                removed++;
            }
        }

        _disk.SyncDirectory(Queue);
        return (removed, moved);
    }

    private static ReadOnlySequence<byte> Serialize(SpoolEnvelope envelope) =>
        new(JsonSerializer.SerializeToUtf8Bytes(envelope, SpoolJsonContext.Default.SpoolEnvelope));

    private void RemoveQuietly(params string[] paths)
    {
        foreach (var path in paths)
        {
            try
            {
                _disk.Delete(path);
            }
            catch (IOException)
            {
                // Left for an operator: an orphan in tmp/, or a .eml without envelope in queue/, is not an entry.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
