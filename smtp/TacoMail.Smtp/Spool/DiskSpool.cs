using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace TacoMail.Smtp.Spool;

/// <summary>
/// The durable on-disk queue under one spool directory:
/// <c>tmp/</c> (being written), <c>queue/</c> (accepted, awaiting delivery: <c>&lt;id&gt;.eml</c>,
/// the raw message as received, and <c>&lt;id&gt;.json</c>, its <see cref="SpoolEnvelope"/>) and
/// <c>dropped/</c> (the envelope alone of a message every recipient of which dropped it).
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

    /// <summary>Creates the spool's directories; a server that cannot do so should not start.</summary>
    public void EnsureCreated()
    {
        foreach (var directory in new[] { Tmp, Queue, Dropped })
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
        var queuedMessage = Path.Combine(Queue, envelope.Id + MessageExtension);
        var queuedEnvelope = Path.Combine(Queue, envelope.Id + EnvelopeExtension);
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
