namespace TacoMail.Lambda.Disposition;

/// <summary>The message's bounce: its status, how many recipients it covers, SES's id or why it was not sent.</summary>
internal sealed record BounceResult(BounceStatus Status, int Recipients, string? BounceMessageId, string? Reason)
{
    /// <summary>A bounce was due and did not go out for a fault of ours: the message must be stored.</summary>
    public bool NeedsFailSafe => Status is BounceStatus.Failed or BounceStatus.Skipped;
}
