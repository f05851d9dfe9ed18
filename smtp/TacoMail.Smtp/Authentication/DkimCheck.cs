using ARSoft.Tools.Net.Dns;
using MimeKit;
using MimeKit.Cryptography;
using TacoMail.Schema.Routing;

namespace TacoMail.Smtp.Authentication;

/// <summary>
/// DKIM (RFC 6376) of every <c>DKIM-Signature</c> of a message: one passing signature is enough.
/// A signature that cannot be checked for want of DNS makes the verdict a temporary error rather
/// than a failure, unless another signature passed anyway.
/// </summary>
internal sealed class DkimCheck(IDnsResolver dns)
{
    private readonly DkimVerifier _verifier = new(new DkimKeyLocator(dns));

    public async Task<DkimOutcome> CheckAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var signatures = message.Headers.Where(h => h.Id == HeaderId.DkimSignature).ToList();
        if (signatures.Count == 0)
        {
            return new DkimOutcome(VerdictStatus.Gray, []);
        }

        var passing = new List<string>();
        var dnsFailed = false;
        foreach (var signature in signatures)
        {
            try
            {
                if (await _verifier.VerifyAsync(message, signature, cancellationToken).ConfigureAwait(false))
                {
                    passing.Add(SignerDomain(signature));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (DnsLookupFailedException)
            {
                dnsFailed = true;
            }
            catch (Exception)
            {
                // Malformed tag list, unknown algorithm, missing or revoked key, a key too short: the
                // signature does not verify, whatever MimeKit or BouncyCastle called the reason.
            }
        }

        var verdict = passing.Count > 0 ? VerdictStatus.Pass : dnsFailed ? VerdictStatus.ProcessingFailed : VerdictStatus.Fail;
        return new DkimOutcome(verdict, passing);
    }

    /// <summary>The <c>d=</c> tag of a signature that verified (so its tag list is well formed), as DMARC compares domains.</summary>
    private static string SignerDomain(Header signature)
    {
        foreach (var tag in signature.Value.Split(';'))
        {
            var equals = tag.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && tag[..equals].Trim() == "d")
            {
                return SenderDomain.Of(tag[(equals + 1)..]) ?? string.Empty;
            }
        }

        return string.Empty;
    }
}
