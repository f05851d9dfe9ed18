namespace TacoMail.Schema.Queue;

/// <summary>Where a queued message stands.</summary>
public enum QueueEntryState
{
    /// <summary>Waiting under <c>queue/</c> for its next attempt.</summary>
    Queued,

    /// <summary>Given up on and moved to <c>failed/</c>; the sender was told where the rules allow.</summary>
    Failed,
}
