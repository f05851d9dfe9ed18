using System.Globalization;

namespace TacoMail.Bench.ColdStart;

/// <summary>
/// Reads a process's peak resident set (<c>VmHWM</c> in <c>/proc/PID/status</c>): the kernel keeps
/// the high-water mark, so one read before the process is killed covers its whole life.
/// </summary>
internal static class ProcessMemory
{
    /// <exception cref="BenchmarkException">The value cannot be read (not Linux, or the process is gone).</exception>
    public static long PeakResidentKilobytes(int processId)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BenchmarkException($"Cannot read the peak RSS of process {processId}: {exception.Message}", exception);
        }

        var line = lines.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            ?? throw new BenchmarkException($"Process {processId} reports no VmHWM.");
        return long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }
}
