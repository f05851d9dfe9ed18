namespace TacoMail.Lambda.Delivery;

/// <summary>What one invocation achieved for the message as a whole (logged as <c>outcome</c>).</summary>
internal enum DeliveryOutcome
{
    /// <summary>Every recipient is done; the stored message was deleted.</summary>
    Delivered,

    /// <summary>Every recipient is done, but one was rejected or too large: the message is kept, tagged.</summary>
    Kept,

    /// <summary>A recipient could not be decided (unreadable alias); the message is kept untagged for a retry.</summary>
    Incomplete,

    /// <summary>No stored message: an earlier invocation delivered and deleted it. Nothing to do.</summary>
    Absent,

    /// <summary>The stored message is tagged as finished by an earlier invocation. Nothing to do.</summary>
    FinishedBefore,

    /// <summary>A transient failure: the invocation fails so that Lambda retries; done recipients are tagged.</summary>
    Failed,

    /// <summary>The event is not an SES receipt event; nothing can be delivered, and a retry would not change that.</summary>
    MalformedEvent,
}
