using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Messages;
using TacoMail.Smtp.Spool;

namespace TacoMail.Smtp.Delivery;

/// <summary>One attempt's working state: the envelope as it is being updated, the message, and why recipients were refused.</summary>
internal sealed class DeliveryProgress(SpoolEnvelope envelope, MessageFile message)
{
    public SpoolEnvelope Envelope { get; set; } = envelope;

    public MessageFile Message { get; } = message;

    /// <summary>Why recipients were given up in this attempt in a way their sender is told of; null when none was.</summary>
    public GiveUpReason? Refusal { get; private set; }

    /// <summary>The smarthost's or the parser's words for <see cref="Refusal"/>, for the notice.</summary>
    public string? Diagnostic { get; private set; }

    /// <summary>Why recipients still wait.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Why recipients were given up, for the envelope kept in <c>failed/</c>.</summary>
    public List<string> Failures { get; } = [];

    public IReadOnlyList<SpoolRecipient> Pending => [.. Envelope.Recipients.Where(r => r.IsPending)];

    /// <summary>Gives the notice its reason: the first refusal of the attempt.</summary>
    public void Refuse(GiveUpReason reason, string diagnostic)
    {
        Refusal ??= reason;
        Diagnostic ??= diagnostic;
    }

    /// <summary>Records <paramref name="fate"/> for every pending recipient in <paramref name="addresses"/>.</summary>
    public void Mark(IReadOnlySet<string> addresses, string fate)
    {
        Envelope = Envelope with
        {
            Recipients = [.. Envelope.Recipients.Select(r => r.IsPending && addresses.Contains(r.Address) ? r with { Done = fate } : r)],
        };
    }
}
