using TacoMail.Schema.Mailbox;

namespace TacoMail.MailPath.Storage;

/// <summary>
/// A local Maildir delivered into with the Maildir protocol: write to <c>tmp/</c>, fsync, rename
/// into <c>new/</c>, fsync <c>new/</c>. A message is never visible half written, and once
/// <see cref="DeliverAsync"/> returns it survives a crash. <see cref="Contains"/> recognises a
/// message delivered by an earlier run even after a mail client moved it to <c>cur/</c>.
/// </summary>
public sealed class Maildir
{
    private const int CopyBufferSize = 81920;
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly IDiskSync _sync;
    private readonly HashSet<string> _present;

    private Maildir(string root, IDiskSync sync, HashSet<string> present)
    {
        Root = root;
        _sync = sync;
        _present = present;
    }

    public string Root { get; }

    private string Tmp => Path.Combine(Root, "tmp");

    private string New => Path.Combine(Root, MailboxKey.NewFolder);

    private string Cur => Path.Combine(Root, "cur");

    /// <summary>
    /// Opens the Maildir at <paramref name="root"/>, creating it and its <c>tmp</c>, <c>new</c> and
    /// <c>cur</c> folders (readable by the owner only) where missing, and notes which messages it holds.
    /// </summary>
    /// <exception cref="IOException">The folders cannot be created or read.</exception>
    public static Maildir Open(string root, IDiskSync sync)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(sync);
        var full = Path.GetFullPath(root);
        foreach (var folder in new[] { full, Path.Combine(full, "tmp"), Path.Combine(full, "new"), Path.Combine(full, "cur") })
        {
            CreateDirectory(folder);
        }

        var present = Directory.EnumerateFiles(Path.Combine(full, "new"))
            .Concat(Directory.EnumerateFiles(Path.Combine(full, "cur")))
            .Select(path => MaildirName.UniquePart(Path.GetFileName(path)))
            .ToHashSet(StringComparer.Ordinal);
        return new Maildir(full, sync, present);
    }

    /// <summary>
    /// Whether a message with this unique name is in <c>new/</c> or <c>cur/</c> (with any flags),
    /// as found when the Maildir was opened or since.
    /// </summary>
    public bool Contains(string uniqueName)
    {
        ArgumentNullException.ThrowIfNull(uniqueName);
        lock (_present)
        {
            if (_present.Contains(uniqueName))
            {
                return true;
            }
        }

        return File.Exists(Path.Combine(New, uniqueName)) || File.Exists(Path.Combine(Cur, uniqueName));
    }

    /// <summary>
    /// Streams <paramref name="content"/> into <c>tmp/</c> (replacing a stale file a crashed run
    /// left there), fsyncs it, renames it into <c>new/</c> and fsyncs <c>new/</c>. On failure the
    /// temporary file is removed and nothing appears in <c>new/</c>.
    /// </summary>
    /// <returns>The number of bytes delivered.</returns>
    /// <exception cref="IOException">Writing failed, the download was cut short, or the name is taken in <c>new/</c>.</exception>
    public async Task<long> DeliverAsync(string uniqueName, StoredContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!MaildirName.IsValidUniqueName(uniqueName))
        {
            throw new ArgumentException($"'{uniqueName}' is not a Maildir unique name.", nameof(uniqueName));
        }

        var temporary = Path.Combine(Tmp, uniqueName);
        var delivered = Path.Combine(New, uniqueName);
        long length;
        try
        {
            length = await WriteAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, delivered, overwrite: false);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }

        lock (_present)
        {
            _present.Add(uniqueName);
        }

        _sync.SyncDirectory(New);
        return length;
    }

    private async Task<long> WriteAsync(string path, StoredContent content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = CopyBufferSize,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }

        var file = new FileStream(path, options);
        await using (file.ConfigureAwait(false))
        {
            await content.Stream.CopyToAsync(file, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (file.Length != content.Length)
            {
                throw new IOException($"the download ended after {file.Length} of {content.Length} bytes");
            }

            _sync.FlushFile(file);
            return file.Length;
        }
    }

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, PrivateDirectory);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover in tmp/ is harmless: the next run overwrites it.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
