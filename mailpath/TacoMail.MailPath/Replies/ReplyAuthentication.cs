using TacoMail.MailPath.Messages;
using TacoMail.Schema.Routing;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// Whether mail to a reverse address is the owner's own reply, and so may go out from the alias.
/// The envelope sender, <c>From</c> and any <c>Sender</c> must all be the alias's destination D,
/// and D must be proven: DMARC passed (which aligns the <c>From</c> domain with SPF or DKIM), or,
/// where D's domain publishes no DMARC policy (SES's <c>GRAY</c>), SPF passed for the envelope
/// sender D. A DKIM pass alone is not enough: it proves that some domain signed the message, not
/// that D sent it. Anything else is dropped by the caller and never bounced, because its sender
/// is exactly who is not proven.
/// </summary>
public static class ReplyAuthentication
{
    /// <summary>Null when the reply is accepted; otherwise why not, in words that name no address.</summary>
    /// <param name="envelopeSender">MAIL FROM as received.</param>
    /// <param name="fields">The reply's top-level header fields.</param>
    /// <param name="verdicts">SES's checks.</param>
    /// <param name="destination">The alias's destination as it is now (an address, or <c>S3</c>).</param>
    public static string? Refusal(string? envelopeSender, IReadOnlyList<HeaderField> fields, MessageVerdicts verdicts, string destination)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(verdicts);
        ArgumentException.ThrowIfNullOrEmpty(destination);
        if (!destination.Contains('@', StringComparison.Ordinal))
        {
            return "the alias files its mail in the mailbox, so it has no address that may reply";
        }

        if (!IsDestination(envelopeSender, destination))
        {
            return "the envelope sender is not the alias's destination";
        }

        var from = Correspondent.All(fields, HeaderRules.From);
        if (from.Count != 1 || !IsDestination(from[0].Address, destination))
        {
            return "From is not the alias's destination alone";
        }

        if (Correspondent.All(fields, Sender).Any(m => !IsDestination(m.Address, destination)))
        {
            return "Sender is not the alias's destination";
        }

        var proven = verdicts.Dmarc == VerdictStatus.Pass
            || (verdicts.Dmarc == VerdictStatus.Gray && verdicts.Spf == VerdictStatus.Pass);
        return proven
            ? null
            : $"the destination's domain did not authenticate it (SPF {verdicts.Spf.ToName()}, DKIM {verdicts.Dkim.ToName()}, DMARC {verdicts.Dmarc.ToName()})";
    }

    private const string Sender = "Sender";

    /// <summary>Addresses compare without case: the local part is case-sensitive in theory, never in the mailboxes people use.</summary>
    private static bool IsDestination(string? address, string destination) =>
        address is not null && string.Equals(address.Trim(), destination, StringComparison.OrdinalIgnoreCase);
}
