namespace TacoMail.Reconciler.Table.Reading;

/// <summary>The running total of items read by all scan segments, reported as it grows.</summary>
internal sealed class ReadCounter(IProgress<int>? progress)
{
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public void Add(int count)
    {
        var total = Interlocked.Add(ref _total, count);
        if (count > 0)
        {
            progress?.Report(total);
        }
    }
}
