namespace TacoMail.Reconciler.Table.Writing;

/// <summary>Keeps the first failure of a parallel apply and stops the rest of the work.</summary>
internal sealed class FirstFailure(CancellationTokenSource stop)
{
    private Exception? _exception;

    public Exception? Exception => Volatile.Read(ref _exception);

    public async Task SetAsync(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Interlocked.CompareExchange(ref _exception, exception, null) is null)
        {
            await stop.CancelAsync();
        }
    }
}
