using Amazon.DynamoDBv2.Model;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>No fence: for writes that hold no lock (tests of the applier on its own, a table being set up).</summary>
internal sealed class Unfenced : IWriteFence
{
    private Unfenced()
    {
    }

    public static Unfenced Instance { get; } = new();

    public void EnsureHeld()
    {
    }

    public Task<T> SendAsync<T>(Func<TransactWriteItem?, Task<T>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        return send(null);
    }
}
