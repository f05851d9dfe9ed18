using System.Diagnostics;
using TacoMail.Bench.Delivery;

namespace TacoMail.Bench.Smtp;

/// <summary>Runs one part of the smtp benchmark and measures it the way the other benchmarks do.</summary>
internal static class PhaseMeter
{
    /// <param name="part">The part's name, for the report.</param>
    /// <param name="dynamoProcessId">DynamoDB Local's process, whose CPU time is read before and after.</param>
    /// <param name="work">Handles the messages; returns each one's time.</param>
    public static async Task<PhaseFigures> MeasureAsync(string part, int dynamoProcessId, Func<Task<IReadOnlyList<TimeSpan>>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var rssBefore = ProcessPeak.ResetSelf();
        await using var heap = new HeapSampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var dynamoBefore = DynamoCpu(dynamoProcessId);
        var started = Stopwatch.GetTimestamp();
        var perMessage = await work();
        var wall = Stopwatch.GetElapsedTime(started);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var dynamo = DynamoCpu(dynamoProcessId) - dynamoBefore;
        return new PhaseFigures(part, perMessage.Count, wall, perMessage, cpu, dynamo, heap.Peak, ProcessPeak.Self(), rssBefore);
    }

    private static TimeSpan DynamoCpu(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }
}
