using SmtpServer;

namespace TacoMail.Smtp.Recipients;

/// <summary>
/// The verdicts of the current transaction's accepted recipients, kept in the session's properties:
/// <c>RCPT TO</c> decides, <c>DATA</c> needs the decision (drop or deliver) without asking the
/// table again, and a paused recipient must stay dropped even if its alias changed in between.
/// A new <c>MAIL FROM</c> starts over.
/// </summary>
internal sealed class SessionRecipients
{
    private const string PropertyKey = "tacomail.recipients";

    private readonly List<RcptVerdict> _accepted = [];

    public IReadOnlyList<RcptVerdict> Accepted => _accepted;

    public static SessionRecipients Of(ISessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Properties.TryGetValue(PropertyKey, out var value) && value is SessionRecipients existing)
        {
            return existing;
        }

        var created = new SessionRecipients();
        context.Properties[PropertyKey] = created;
        return created;
    }

    public void Reset() => _accepted.Clear();

    public void Accept(RcptVerdict verdict) => _accepted.Add(verdict);

    /// <summary>The verdict given to <paramref name="address"/> in this transaction; null when it was never accepted.</summary>
    public RcptVerdict? Find(string address) =>
        _accepted.LastOrDefault(v => string.Equals(v.Recipient, address, StringComparison.OrdinalIgnoreCase));
}
