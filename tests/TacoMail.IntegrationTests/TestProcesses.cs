using System.Diagnostics;

namespace TacoMail.IntegrationTests;

/// <summary>Checks on OS processes, independent of the production code under test.</summary>
internal static class TestProcesses
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
    }
}
