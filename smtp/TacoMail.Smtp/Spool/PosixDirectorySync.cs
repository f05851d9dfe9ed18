using System.Runtime.InteropServices;

namespace TacoMail.Smtp.Spool;

/// <summary>
/// fsync(2) on a directory. .NET refuses to open a directory as a file, so this goes to libc:
/// without it the rename that queues a message, and so the 250 after DATA, could be lost by a
/// power cut. The same code as the reconciler's (<c>fetch</c>), which this project may not reference.
/// </summary>
internal static class PosixDirectorySync
{
    private const int ReadOnly = 0;

    /// <exception cref="IOException">The directory cannot be opened or synced.</exception>
    public static void Sync(string directory)
    {
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
