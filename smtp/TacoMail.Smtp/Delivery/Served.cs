using TacoMail.MailPath.Delivery;

namespace TacoMail.Smtp.Delivery;

/// <summary>What serving one alias came to.</summary>
/// <param name="Fate">A <see cref="RecipientFate"/>; null: not served yet, tried again later.</param>
/// <param name="Reason">Why, for the log and the envelope.</param>
/// <param name="Tell">Given up in a way the sender is told of (where that is no backscatter), and why.</param>
internal sealed record Served(string? Fate, string? Reason, GiveUpReason? Tell = null)
{
    /// <summary>Not served yet: tried again with the queue's backoff.</summary>
    public static Served Later(string reason) => new(null, reason);
}
