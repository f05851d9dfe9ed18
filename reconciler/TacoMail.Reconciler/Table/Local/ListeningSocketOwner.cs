using System.Globalization;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// Tells whether a given process holds the listening socket on a port. After a bind race another
/// emulator may answer on "our" port while ours failed to bind; answering alone is not proof
/// that the emulator we started is the one serving. Linux only (reads <c>/proc</c>).
/// </summary>
internal static class ListeningSocketOwner
{
    private const string ListenState = "0A";

    /// <returns>True or false when known; null where <c>/proc</c> cannot tell.</returns>
    public static bool? IsListening(int processId, int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var inodes = ListeningInodes("/proc/net/tcp", port).Concat(ListeningInodes("/proc/net/tcp6", port)).ToHashSet();
            if (inodes.Count == 0)
            {
                return false;
            }

            return Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd")
                .Select(fd => new FileInfo(fd).LinkTarget)
                .Any(target => target is not null && inodes.Contains(target));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> ListeningInodes(string table, int port)
    {
        if (!File.Exists(table))
        {
            yield break;
        }

        var portSuffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 9 && fields[1].EndsWith(portSuffix, StringComparison.Ordinal) && fields[3] == ListenState)
            {
                yield return $"socket:[{fields[9]}]";
            }
        }
    }
}
