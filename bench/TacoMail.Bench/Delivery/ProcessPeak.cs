using System.Globalization;

namespace TacoMail.Bench.Delivery;

/// <summary>
/// Peak resident set sizes from <c>/proc</c>: this process's, after resetting the peak
/// (<c>clear_refs</c>), and another process's, polled while it runs (<c>VmHWM</c> only grows).
/// </summary>
internal static class ProcessPeak
{
    /// <summary>Resets this process's peak to its current RSS; returns that RSS in bytes.</summary>
    public static long ResetSelf()
    {
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Read("self", "VmRSS:") ?? 0;
    }

    public static long Self() => Read("self", "VmHWM:") ?? 0;

    /// <summary>The peak of process <paramref name="processId"/>, or null once it is gone.</summary>
    public static long? Of(int processId) => Read(processId.ToString(CultureInfo.InvariantCulture), "VmHWM:");

    private static long? Read(string process, string name)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process}/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line is null
                ? null
                : long.Parse(line[name.Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
