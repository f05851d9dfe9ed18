using System.Globalization;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// Measures the memory an operation costs the test process: the managed heap sampled every
/// millisecond, and the peak resident set, which Linux resets on request (<c>/proc/self/clear_refs</c>)
/// and reports as <c>VmHWM</c>. Meaningful only while nothing else runs in the process.
/// </summary>
internal sealed class MemoryProbe : IAsyncDisposable
{
    private readonly long _heapBefore;
    private readonly long? _residentBefore;
    private readonly long _allocatedBefore;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _peakHeap;

    private MemoryProbe()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        _peakHeap = _heapBefore;
        _residentBefore = TryResetPeak() ? Status("VmRSS:") : null;
        _allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        _sampler = Task.Run(SampleAsync);
    }

    public static MemoryProbe Start() => new();

    public async Task<MemoryFigures> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        var peakResident = _residentBefore is { } before && Status("VmHWM:") is { } peak ? peak - before : (long?)null;
        return new MemoryFigures(
            Interlocked.Read(ref _peakHeap) - _heapBefore, peakResident, GC.GetTotalAllocatedBytes(precise: true) - _allocatedBefore);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A <c>kB</c> line of <c>/proc/self/status</c>, in bytes.</summary>
    private static long? Status(string name)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null
            ? null
            : long.Parse(line[name.Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            if (heap > Interlocked.Read(ref _peakHeap))
            {
                Interlocked.Exchange(ref _peakHeap, heap);
            }

            try
            {
                await Task.Delay(1, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
