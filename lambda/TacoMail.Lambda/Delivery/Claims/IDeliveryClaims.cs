using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Delivery.Claims;

/// <summary>
/// The per-recipient claims that make a forward happen once even when two invocations of the same
/// event run at the same time: a conditional write before the send, with a lease, and a mark after.
/// A crash after the claim and before the send is retried once the lease lapses; a crash after the
/// send and before the mark may send one duplicate, never lose the message.
/// </summary>
internal interface IDeliveryClaims
{
    /// <exception cref="Exception">The claim store could not be reached: the attempt is queued.</exception>
    Task<ClaimOutcome> TryClaimAsync(string messageId, ItemKey alias, CancellationToken cancellationToken);

    /// <summary>Records that the forward was sent (best effort: the tag that marks the alias done follows).</summary>
    Task MarkSentAsync(string messageId, ItemKey alias, CancellationToken cancellationToken);

    /// <summary>Gives a claim back after a send that did not happen, so a retry need not wait for the lease (best effort).</summary>
    Task ReleaseAsync(string messageId, ItemKey alias, CancellationToken cancellationToken);
}
