using System.Net;
using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Messages;
using TacoMail.Schema.Routing;
using TacoMail.Smtp.Authentication;
using TacoMail.Smtp.Spool;

namespace TacoMail.Smtp.Delivery;

/// <summary>One attempt's working state: the envelope as it is being updated, the message, and why recipients were refused.</summary>
internal sealed class DeliveryProgress(SpoolEnvelope envelope, MessageFile message)
{
    private MessageVerdicts? _verdicts;

    public SpoolEnvelope Envelope { get; set; } = envelope;

    public MessageFile Message { get; } = message;

    /// <summary>Why recipients still wait.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The recipients given up in this attempt whose sender is to be told, by the first reason.</summary>
    public HashSet<string> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the <see cref="Refused"/> were given up, for the notice; null while none was.</summary>
    public GiveUpReason? Refusal { get; private set; }

    /// <summary>The smarthost's or the parser's words for <see cref="Refusal"/>.</summary>
    public string? Diagnostic { get; private set; }

    public IReadOnlyList<SpoolRecipient> Pending => [.. Envelope.Recipients.Where(r => r.IsPending)];

    /// <summary>
    /// This host's SPF, DKIM and DMARC verdicts on the message, checked once per attempt and only
    /// when something asks (a reply, a notice); none for an envelope without the client's address.
    /// </summary>
    public async Task<MessageVerdicts> VerdictsAsync(SenderAuthenticator authenticator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        return _verdicts ??= Envelope.Client is { } client && IPAddress.TryParse(client, out var address)
            ? await authenticator.CheckAsync(address, Envelope.SenderOrNull, Message.Path, cancellationToken).ConfigureAwait(false)
            : MessageVerdicts.None;
    }

    /// <summary>Gives <paramref name="addresses"/> up in a way their sender is told of.</summary>
    public void Refuse(IReadOnlySet<string> addresses, GiveUpReason reason, string diagnostic)
    {
        Refused.UnionWith(addresses);
        Refusal ??= reason;
        Diagnostic ??= diagnostic;
    }

    /// <summary>Records <paramref name="fate"/> and why for every pending recipient in <paramref name="addresses"/>.</summary>
    public void Mark(IReadOnlySet<string> addresses, string fate, string? reason) =>
        Update(r => r.IsPending && addresses.Contains(r.Address), r => r with { Done = fate, Reason = reason });

    /// <summary>Adds <paramref name="note"/> (what the sender was told) to the reason of each of <paramref name="addresses"/>.</summary>
    public void Annotate(IReadOnlySet<string> addresses, string note) =>
        Update(r => addresses.Contains(r.Address), r => r with { Reason = r.Reason is null ? note : $"{r.Reason}; {note}" });

    private void Update(Func<SpoolRecipient, bool> which, Func<SpoolRecipient, SpoolRecipient> change) =>
        Envelope = Envelope with { Recipients = [.. Envelope.Recipients.Select(r => which(r) ? change(r) : r)] };
}
