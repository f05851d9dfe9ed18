namespace TacoMail.Schema.Routing;

/// <summary>
/// The senders a bounce must never reach, whatever the bounce policy says: a bounce to them is
/// either impossible (the null sender), starts a loop between two daemons, or answers automatic
/// mail that nobody reads (RFC 3834 section 2: no automatic response to <c>Auto-Submitted</c>
/// mail, bulk <c>Precedence</c> or mailing-list traffic).
/// </summary>
public static class BackscatterRules
{
    public const string AutoSubmitted = "Auto-Submitted";
    public const string Precedence = "Precedence";
    public const string ListId = "List-Id";

    private static readonly string[] DaemonLocalParts = ["mailer-daemon", "postmaster"];
    private static readonly string[] BulkPrecedences = ["bulk", "junk", "list"];

    /// <summary>Why no bounce may go to the sender of <paramref name="message"/>, or <see cref="BounceSuppression.None"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static BounceSuppression Check(MessageFacts message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = message.EnvelopeSender?.Trim().Trim('<', '>').Trim();
        if (string.IsNullOrEmpty(sender))
        {
            return BounceSuppression.NullSender;
        }

        var at = sender.LastIndexOf('@');
        var localPart = (at < 0 ? sender : sender[..at]).Trim('"');
        if (DaemonLocalParts.Any(d => string.Equals(localPart, d, StringComparison.OrdinalIgnoreCase)))
        {
            return BounceSuppression.DaemonSender;
        }

        foreach (var header in message.Headers)
        {
            if (Is(header, AutoSubmitted) && !string.Equals(FirstToken(header.Value), "no", StringComparison.OrdinalIgnoreCase))
            {
                return BounceSuppression.AutoSubmitted;
            }

            if (Is(header, Precedence) && BulkPrecedences.Contains(FirstToken(header.Value), StringComparer.OrdinalIgnoreCase))
            {
                return BounceSuppression.BulkPrecedence;
            }

            if (Is(header, ListId))
            {
                return BounceSuppression.MailingList;
            }
        }

        return BounceSuppression.None;
    }

    private static bool Is(MessageHeader header, string name) =>
        string.Equals(header.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The keyword of a field such as <c>auto-replied; owner-email="x"</c> or <c>bulk (comment)</c>.</summary>
    private static string FirstToken(string? value)
    {
        var text = value ?? string.Empty;
        var end = text.IndexOfAny([';', '(']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
