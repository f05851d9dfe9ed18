namespace TacoMail.Lambda.Delivery.Queue;

/// <summary>What one sweep of the queue did; also the handler's response to the schedule.</summary>
/// <param name="Queued">Entries found under <c>queue/</c>.</param>
/// <param name="Attempted">Entries that were due and attempted.</param>
/// <param name="Delivered">Attempts that delivered every recipient.</param>
/// <param name="GaveUp">Attempts that ended in <c>failed/</c>.</param>
/// <param name="StillQueued">Attempts that are queued again for later.</param>
/// <param name="Failed">Attempts whose outcome could not even be recorded (retried by the next sweep).</param>
/// <param name="Unreadable">Entries that could not be read (left where they are, reported).</param>
/// <param name="OldestAgeSeconds">Age of the oldest queued message, for the queue-age alarm.</param>
/// <param name="Deferred">Due entries left for the next sweep because the invocation's time ran short.</param>
internal sealed record SweepResult(
    int Queued,
    int Attempted,
    int Delivered,
    int GaveUp,
    int StillQueued,
    int Failed,
    int Unreadable,
    long OldestAgeSeconds,
    int Deferred);
