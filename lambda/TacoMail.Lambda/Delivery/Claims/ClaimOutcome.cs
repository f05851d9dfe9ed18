namespace TacoMail.Lambda.Delivery.Claims;

/// <summary>The answer to a claim on one (message, alias) pair.</summary>
internal enum ClaimOutcome
{
    /// <summary>This invocation holds the lease: it may send.</summary>
    Claimed,

    /// <summary>An invocation sent it already: it must not be sent again.</summary>
    AlreadySent,

    /// <summary>Another invocation holds a live lease: it is sending now, or will be retried when its lease lapses.</summary>
    HeldElsewhere,
}
