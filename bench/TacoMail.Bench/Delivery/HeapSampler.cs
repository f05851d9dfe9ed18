namespace TacoMail.Bench.Delivery;

/// <summary>Samples the managed heap every millisecond and keeps the highest size seen.</summary>
internal sealed class HeapSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public HeapSampler()
    {
        _peak = GC.GetTotalMemory(forceFullCollection: false);
        _loop = Task.Run(SampleAsync);
    }

    public long Peak => Interlocked.Read(ref _peak);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            if (heap > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, heap);
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
