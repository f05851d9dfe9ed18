namespace TacoMail.Smtp.Delivery;

/// <summary>How one attempt at a queued message ended.</summary>
internal enum QueueAttempt
{
    /// <summary>Not due yet (its backoff has not passed).</summary>
    NotDue,

    /// <summary>Every recipient is done: the message left the queue.</summary>
    Finished,

    /// <summary>Some recipients wait: tried again after the backoff.</summary>
    Deferred,

    /// <summary>Some recipients were given up: the message is kept in <c>failed/</c>.</summary>
    GaveUp,
}
