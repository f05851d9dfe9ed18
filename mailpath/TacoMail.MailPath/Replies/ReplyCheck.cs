using TacoMail.MailPath.Messages;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Routing;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// Whether mail to a reverse address may go out as the owner's reply: not a loop through the
/// alias, a readable message, and <see cref="ReplyAuthentication"/>'s proof that the alias's
/// destination sent it. The one check of every host; each decides what a refusal does to the
/// message (the Lambda drops it, the SMTP front end keeps it), and neither ever bounces it.
/// </summary>
public static class ReplyCheck
{
    /// <param name="message">The message as received.</param>
    /// <param name="reverse">The reverse address it was sent to.</param>
    /// <param name="envelopeSender">MAIL FROM as received; null for the null sender.</param>
    /// <param name="verdicts">The host's SPF, DKIM and DMARC verdicts on the message.</param>
    /// <param name="destination">The alias's destination as it is now.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<ReplyDecision> CheckAsync(
        MessageFile message, ReverseAliasRecord reverse, string? envelopeSender, MessageVerdicts verdicts, string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reverse);
        ArgumentNullException.ThrowIfNull(verdicts);
        IReadOnlyList<HeaderField> fields;
        try
        {
            fields = await message.FieldsAsync(cancellationToken).ConfigureAwait(false);
            if (await message.LoopThroughAsync(reverse.Alias, cancellationToken).ConfigureAwait(false) is { } loop)
            {
                return ReplyDecision.Looping(loop);
            }
        }
        catch (MessageFormatException exception)
        {
            return ReplyDecision.Refused(exception.Message);
        }

        return ReplyAuthentication.Refusal(envelopeSender, fields, verdicts, destination) is { } refusal
            ? ReplyDecision.Refused(refusal)
            : ReplyDecision.Accepted(fields);
    }
}
