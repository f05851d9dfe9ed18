using TacoMail.Lambda.Delivery.Claims;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>Claims in memory, shared by every handler a test creates, as the table would be.</summary>
internal sealed class InMemoryDeliveryClaims : IDeliveryClaims
{
    private readonly Dictionary<(string, ItemKey), bool> _claims = [];

    /// <summary>Thrown by every call while set: the table is down.</summary>
    public Exception? Outage { get; set; }

    public Task<ClaimOutcome> TryClaimAsync(string messageId, ItemKey alias, CancellationToken cancellationToken)
    {
        if (Outage is { } outage)
        {
            return Task.FromException<ClaimOutcome>(outage);
        }

        lock (_claims)
        {
            if (_claims.TryGetValue((messageId, alias), out var sent))
            {
                return Task.FromResult(sent ? ClaimOutcome.AlreadySent : ClaimOutcome.HeldElsewhere);
            }

            _claims[(messageId, alias)] = false;
            return Task.FromResult(ClaimOutcome.Claimed);
        }
    }

    public Task MarkSentAsync(string messageId, ItemKey alias, CancellationToken cancellationToken)
    {
        lock (_claims)
        {
            _claims[(messageId, alias)] = true;
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string messageId, ItemKey alias, CancellationToken cancellationToken)
    {
        Lapse(messageId, alias);
        return Task.CompletedTask;
    }

    /// <summary>Forgets a claim, as if its lease had lapsed after a crash.</summary>
    public void Lapse(string messageId, ItemKey alias)
    {
        lock (_claims)
        {
            _claims.Remove((messageId, alias));
        }
    }
}
