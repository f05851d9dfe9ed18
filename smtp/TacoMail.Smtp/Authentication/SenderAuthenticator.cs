using System.Net;
using ARSoft.Tools.Net.Dns;
using MimeKit;
using TacoMail.Schema.Routing;

namespace TacoMail.Smtp.Authentication;

/// <summary>
/// Proves who sent a received message the way SES's receipt verdicts do (SPF, DKIM, DMARC), so
/// that the local front end can trust a reply through a reverse alias as SES-fed mail is trusted.
/// It has no spam or virus scanner: those verdicts stay <see cref="VerdictStatus.Missing"/>.
/// </summary>
internal sealed class SenderAuthenticator(IDnsResolver dns)
{
    private readonly SpfCheck _spf = new(dns);
    private readonly DkimCheck _dkim = new(dns);
    private readonly DmarcCheck _dmarc = new(dns);

    /// <summary>
    /// SPF of the envelope sender's domain for the client address; DKIM of every DKIM-Signature;
    /// DMARC of the single From domain. Never throws for DNS faults or a malformed message.
    /// </summary>
    /// <param name="client">The SMTP client's address.</param>
    /// <param name="envelopeSender">MAIL FROM; <see langword="null"/> or empty for the null sender.</param>
    /// <param name="messagePath">The spooled message, trace lines first (they are not signed, so they do not matter).</param>
    /// <param name="cancellationToken">Cancels the checks; the only exception thrown.</param>
    public async Task<MessageVerdicts> CheckAsync(IPAddress client, string? envelopeSender, string messagePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(messagePath);
        var spf = await _spf.CheckAsync(client, envelopeSender, cancellationToken).ConfigureAwait(false);
        try
        {
            // persistent: a 40 MB body stays in the file; DKIM's body hash streams it from there.
            var file = new FileStream(messagePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                using var loaded = await MimeMessage.LoadAsync(file, persistent: true, cancellationToken).ConfigureAwait(false);
                return await CheckMessageAsync(loaded, spf, envelopeSender, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FormatException)
        {
            // Not even a header block: nothing signed it, and it has no author to align with.
            return new MessageVerdicts(VerdictStatus.Missing, VerdictStatus.Missing, spf, VerdictStatus.Gray, VerdictStatus.Fail);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The spool could not be read: our failure, not the sender's.
            return new MessageVerdicts(VerdictStatus.Missing, VerdictStatus.Missing, spf, VerdictStatus.ProcessingFailed, VerdictStatus.ProcessingFailed);
        }
    }

    private async Task<MessageVerdicts> CheckMessageAsync(MimeMessage message, VerdictStatus spf, string? envelopeSender, CancellationToken cancellationToken)
    {
        var dkim = await _dkim.CheckAsync(message, cancellationToken).ConfigureAwait(false);
        var dmarc = await _dmarc.CheckAsync(message, spf, envelopeSender, dkim.PassingDomains, cancellationToken).ConfigureAwait(false);
        return new MessageVerdicts(VerdictStatus.Missing, VerdictStatus.Missing, spf, dkim.Verdict, dmarc);
    }
}
