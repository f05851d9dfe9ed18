namespace TacoMail.Bench.Smtp;

/// <summary>One benchmark message: its envelope and its content (CRLF lines, none starting with a dot).</summary>
internal sealed record PlannedMessage(int Index, string Sender, IReadOnlyList<PlannedRecipient> Recipients, byte[] Content)
{
    /// <summary>Queued (an active recipient), or only its envelope recorded as dropped (paused recipients only).</summary>
    public bool Queues => Recipients.Any(r => r.Kind == RecipientKind.Active);
}
