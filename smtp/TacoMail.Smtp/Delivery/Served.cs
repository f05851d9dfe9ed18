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

    /// <summary>What a hand-over to the smarthost came to: a 5xx is final (kept in <c>failed/</c>), anything else but sent is tried again.</summary>
    /// <param name="result">The smarthost's answer.</param>
    /// <param name="sent">The <see cref="RecipientFate"/> of a message it took.</param>
    /// <param name="tell">Whether the sender is told of a refusal, and why; null: never (a notice's null sender).</param>
    public static Served Of(RelayResult result, string sent, GiveUpReason? tell)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            RelayOutcome.Sent => new(sent, null),
            RelayOutcome.Rejected => new(RecipientFate.Failed, result.Detail, tell),
            _ => Later(result.Detail),
        };
    }
}
