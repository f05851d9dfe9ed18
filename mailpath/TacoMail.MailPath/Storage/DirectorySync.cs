using System.Runtime.InteropServices;

namespace TacoMail.MailPath.Storage;

/// <summary>
/// fsync(2) on a directory, so that the names created or renamed in it survive a power cut: every
/// rename that stands for a promise (a message filed into <c>new/</c> by <c>tacomail fetch</c>
/// before its S3 object is deleted, a message queued by the SMTP front end before it answers 250)
/// goes through here. .NET refuses to open a directory as a file, so this goes to libc.
/// </summary>
public static class DirectorySync
{
    private const int ReadOnly = 0;

    /// <exception cref="IOException">The directory cannot be opened or synced.</exception>
    public static void Sync(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);

        // NTFS journals renames itself and offers no fsync for directories.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var descriptor = Open(directory, ReadOnly);
        if (descriptor < 0)
        {
            throw Failure("open", directory);
        }

        try
        {
            if (FileSync(descriptor) != 0)
            {
                throw Failure("fsync", directory);
            }
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    private static IOException Failure(string call, string directory)
    {
        var error = Marshal.GetLastPInvokeError();
        return new IOException($"{call} of directory '{directory}' failed: {Marshal.GetPInvokeErrorMessage(error)} (errno {error})");
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FileSync(int descriptor);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int descriptor);
}
