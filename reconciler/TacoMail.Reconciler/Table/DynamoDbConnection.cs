using Amazon.DynamoDBv2;

namespace TacoMail.Reconciler.Table;

/// <summary>
/// A ready client plus whatever had to be started for it. Disposing stops an emulator this
/// connection started, but never one it merely reused.
/// </summary>
internal sealed class DynamoDbConnection : IAsyncDisposable
{
    private readonly IAsyncDisposable? _ownedEmulator;
    private int _disposed;

    public DynamoDbConnection(IAmazonDynamoDB client, string description, Uri? endpoint, IAsyncDisposable? ownedEmulator)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Client = client;
        Description = description;
        Endpoint = endpoint;
        _ownedEmulator = ownedEmulator;
    }

    public IAmazonDynamoDB Client { get; }

    /// <summary>For humans, e.g. <c>DynamoDB Local at http://127.0.0.1:43123 (data in .tacomail/dynamodb)</c>.</summary>
    public string Description { get; }

    /// <summary>The explicit endpoint, or null for AWS's regional endpoint.</summary>
    public Uri? Endpoint { get; }

    /// <summary>True when disposing this connection stops an emulator it started.</summary>
    public bool OwnsEmulator => _ownedEmulator is not null;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Client.Dispose();
        if (_ownedEmulator is not null)
        {
            await _ownedEmulator.DisposeAsync();
        }
    }
}
