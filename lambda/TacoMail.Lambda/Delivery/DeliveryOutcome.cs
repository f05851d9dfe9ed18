namespace TacoMail.Lambda.Delivery;

/// <summary>What one invocation achieved for the message as a whole (logged as <c>outcome</c>).</summary>
internal enum DeliveryOutcome
{
    /// <summary>Every recipient is done; the stored message and its queue entry were deleted.</summary>
    Delivered,

    /// <summary>
    /// Every recipient is done, but for some delivery was given up (rejected, too large, looping,
    /// or still undeliverable after the queue lifetime): the sender was told where the rules allow,
    /// and the message moved to <c>failed/</c>.
    /// </summary>
    GaveUp,

    /// <summary>A recipient could not be served yet; the queue entry says when the sweep tries again.</summary>
    Queued,

    /// <summary>No stored message: an earlier invocation delivered and deleted it. Nothing to do.</summary>
    Absent,

    /// <summary>The stored message is tagged as finished by an earlier invocation. Nothing to do.</summary>
    FinishedBefore,

    /// <summary>A transient failure that could not even be queued: the invocation fails so that Lambda retries.</summary>
    Failed,

    /// <summary>The event is not an SES receipt event; nothing can be delivered, and a retry would not change that.</summary>
    MalformedEvent,
}
