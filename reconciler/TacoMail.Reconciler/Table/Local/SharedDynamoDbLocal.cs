namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// An emulator started by <c>tacomail dynamodb-local</c> for other CLI runs to reuse: it keeps its
/// data under the state directory and is announced in <c>dynamodb-local.json</c> until disposed.
/// </summary>
internal sealed class SharedDynamoDbLocal : IAsyncDisposable
{
    private readonly DynamoDbLocalProcess _process;
    private readonly LocalInstanceRegistry _registry;
    private int _disposed;

    public SharedDynamoDbLocal(DynamoDbLocalProcess process, LocalInstanceRegistry registry, string description)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(registry);
        _process = process;
        _registry = registry;
        Description = description;
    }

    public Uri Endpoint => _process.Endpoint;

    public int ProcessId => _process.ProcessId;

    /// <summary>The file other runs read to find this instance.</summary>
    public string RecordPath => _registry.FilePath;

    public string Description { get; }

    /// <summary>Completes when the emulator exits on its own (it should not; the caller reports it).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            _registry.DeleteIfOwnedBy(_process.ProcessId);
        }
        finally
        {
            await _process.DisposeAsync();
        }
    }
}
