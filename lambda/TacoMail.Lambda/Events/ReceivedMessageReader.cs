using System.Diagnostics.CodeAnalysis;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Events;

/// <summary>
/// Checks a parsed <see cref="SesEvent"/> and extracts the <see cref="ReceivedMessage"/>. An event
/// it rejects is answered fail-safe (CONTINUE), so the checks cover only what routing needs.
/// </summary>
internal static class ReceivedMessageReader
{
    public static bool TryRead(
        SesEvent? sesEvent,
        [NotNullWhen(true)] out ReceivedMessage? message,
        [NotNullWhen(false)] out string? problem)
    {
        message = null;
        if (sesEvent?.Records is not { Count: > 0 } records)
        {
            return Reject("no Records", out problem);
        }

        if (records.Count > 1)
        {
            return Reject($"{records.Count} Records (SES sends one per invocation)", out problem);
        }

        var ses = records[0]?.Ses;
        if (ses?.Mail is not { } mail)
        {
            return Reject("no ses.mail", out problem);
        }

        if (ses.Receipt is not { } receipt)
        {
            return Reject("no ses.receipt", out problem);
        }

        if (string.IsNullOrWhiteSpace(mail.MessageId))
        {
            return Reject("no ses.mail.messageId", out problem);
        }

        var recipients = receipt.Recipients?
            .Where(r => !string.IsNullOrWhiteSpace(r))
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];
        if (recipients.Count == 0)
        {
            return Reject("no recipients in ses.receipt.recipients", out problem);
        }

        var verdicts = new MessageVerdicts(
            VerdictStatusNames.Parse(receipt.SpamVerdict?.Status),
            VerdictStatusNames.Parse(receipt.VirusVerdict?.Status),
            VerdictStatusNames.Parse(receipt.SpfVerdict?.Status),
            VerdictStatusNames.Parse(receipt.DkimVerdict?.Status),
            VerdictStatusNames.Parse(receipt.DmarcVerdict?.Status));
        var headers = mail.Headers?
            .Where(h => h is { Name: not null })
            .Select(h => new MessageHeader(h.Name!, h.Value ?? string.Empty))
            .ToList() ?? [];
        message = new ReceivedMessage(mail.MessageId, mail.Source, recipients, verdicts, headers);
        problem = null;
        return true;
    }

    /// <summary>The message id, if the event has one where SES puts it; for logging a rejected event.</summary>
    public static string? MessageIdOf(SesEvent? sesEvent) =>
        sesEvent?.Records is [{ Ses.Mail.MessageId: { } id }] ? id : null;

    private static bool Reject(string what, out string problem)
    {
        problem = $"malformed event: {what}";
        return false;
    }
}
