using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace TacoMail.Smtp.Authentication;

/// <summary>
/// TXT records of one name through the shared resolver, each record's character strings joined
/// (a key or policy longer than 255 bytes is published in several). NXDOMAIN and an empty answer are
/// both "no records"; anything else that is not an answer is a <see cref="DnsLookupFailedException"/>.
/// </summary>
internal static class TxtLookup
{
    /// <exception cref="FormatException">The name is not a valid domain name (the sender's fault, not DNS's).</exception>
    /// <exception cref="DnsLookupFailedException">The server failed or did not answer in time.</exception>
    public static async Task<IReadOnlyList<string>> RecordsAsync(IDnsResolver dns, string name, CancellationToken cancellationToken)
    {
        if (!DomainName.TryParse(name, out var domain) || domain is null)
        {
            throw new FormatException($"'{name}' is not a domain name.");
        }

        List<TxtRecord> records;
        try
        {
            records = await dns.ResolveAsync<TxtRecord>(domain, RecordType.Txt, RecordClass.INet, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // ARSoft's stub resolver throws a bare Exception("DNS request failed") for SERVFAIL and timeouts.
            throw new DnsLookupFailedException($"TXT {name}: {ex.Message}", ex);
        }

        return records.Select(r => string.Concat(r.TextParts)).ToList();
    }
}
