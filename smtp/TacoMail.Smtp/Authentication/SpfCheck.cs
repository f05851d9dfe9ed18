using System.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Spf;
using TacoMail.Schema.Routing;

namespace TacoMail.Smtp.Authentication;

/// <summary>
/// SPF (RFC 7208) of the envelope sender's domain for the client's address, reduced to SES's
/// verdicts: softfail counts as a failure (SES reports it as FAIL), none and neutral say nothing.
/// </summary>
internal sealed class SpfCheck(IDnsResolver dns)
{
    /// <param name="client">The SMTP client's address.</param>
    /// <param name="envelopeSender">MAIL FROM; <see langword="null"/> or empty for the null sender, which no reply ever uses.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<VerdictStatus> CheckAsync(IPAddress client, string? envelopeSender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (string.IsNullOrEmpty(envelopeSender) || SenderDomain.Of(envelopeSender) is not { } domain)
        {
            return VerdictStatus.Gray;
        }

        try
        {
            var validator = new SpfValidator { DnsResolver = dns };
            var result = await validator.CheckHostAsync(client, domain, envelopeSender, false, cancellationToken).ConfigureAwait(false);
            return Verdict(result.Result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // A domain that is not a domain name has no SPF record (RFC 7208 4.3: None).
            return VerdictStatus.Gray;
        }
        catch (Exception)
        {
            // The validator lets a resolver's failure escape in places: a temporary error, as SERVFAIL is.
            return VerdictStatus.ProcessingFailed;
        }
    }

    private static VerdictStatus Verdict(SpfQualifier qualifier) => qualifier switch
    {
        SpfQualifier.Pass => VerdictStatus.Pass,
        SpfQualifier.Fail or SpfQualifier.SoftFail or SpfQualifier.PermError => VerdictStatus.Fail,
        SpfQualifier.None or SpfQualifier.Neutral => VerdictStatus.Gray,
        SpfQualifier.TempError => VerdictStatus.ProcessingFailed,
        _ => VerdictStatus.Missing,
    };
}
