using Amazon.DynamoDBv2.Model;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// What entitles an apply to write: the table lock's lease. The applier asks it before every
/// write, and every transaction also checks the lock item in DynamoDB, so an apply whose lease
/// lapsed (a paused process, a network partition, a takeover) writes nothing more.
/// </summary>
internal interface IWriteFence
{
    /// <summary>Throws unless the lease is known, on this machine's clock, to hold for at least the safety margin.</summary>
    /// <exception cref="FenceLapsedException">The lease lapsed, or was lost.</exception>
    void EnsureHeld();

    /// <summary>
    /// Runs <paramref name="send"/> — one transaction — after <see cref="EnsureHeld"/>, giving it the
    /// ConditionCheck on the lock item to add (null when there is no lock item to check). Runs one
    /// at a time with the lease's renewals, which touch the same item and would otherwise conflict.
    /// </summary>
    /// <exception cref="FenceLapsedException">The lease lapsed before the transaction was sent.</exception>
    Task<T> SendAsync<T>(Func<TransactWriteItem?, Task<T>> send, CancellationToken cancellationToken);
}
