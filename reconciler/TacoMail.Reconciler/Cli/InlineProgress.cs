namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Reports progress on the reporting thread, serialised by a lock. <see cref="Progress{T}"/> posts
/// to the thread pool instead (a CLI has no synchronisation context), so its reports could print
/// after the summary line or out of order.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            handler(value);
        }
    }
}
