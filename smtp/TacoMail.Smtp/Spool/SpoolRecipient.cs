namespace TacoMail.Smtp.Spool;

/// <summary>One accepted recipient of a queued message.</summary>
/// <param name="Address">The envelope recipient as received.</param>
/// <param name="Alias">The alias (or reverse address) it resolved to at RCPT time.</param>
/// <param name="Status">The table's status then: active, paused, reply, …</param>
/// <param name="Decision">
/// <c>deliver</c> or <c>drop</c>, as answered at RCPT time; <c>notice</c> for the sender of a
/// message given up, whose delivery status notification the smarthost deferred: it is retried
/// from the queue like any message (Postfix's bounce daemon queues its notices too).
/// </param>
/// <param name="Done">
/// What the delivery did for it (<see cref="Delivery.RecipientFate"/>); null while it is still to be
/// delivered. Written before the next recipient is served, so a restart skips it.
/// </param>
/// <param name="Reason">Why it was skipped or given up, and whether its sender was told (addresses masked).</param>
internal sealed record SpoolRecipient(string Address, string? Alias, string Status, string Decision, string? Done = null, string? Reason = null)
{
    public const string DeliverDecision = "deliver";

    public const string NoticeDecision = "notice";

    /// <summary>A sender to be told, not an alias: the table is not asked about it.</summary>
    public bool IsNotice => Decision == NoticeDecision;

    public bool IsPending => Done is null && (Decision == DeliverDecision || IsNotice);
}
