using System.Diagnostics;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>Whether a process id belongs to a running process (for instances recorded by another CLI run).</summary>
internal static class ProcessLiveness
{
    public static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
