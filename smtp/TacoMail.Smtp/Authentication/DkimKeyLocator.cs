using ARSoft.Tools.Net.Dns;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace TacoMail.Smtp.Authentication;

/// <summary>
/// Finds a DKIM public key at <c>selector._domainkey.domain</c> through the shared resolver, so a
/// key lookup fails the way the other checks' lookups do (<see cref="DnsLookupFailedException"/>).
/// </summary>
internal sealed class DkimKeyLocator(IDnsResolver dns) : DkimPublicKeyLocatorBase
{
    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        LocatePublicKeyAsync(methods, domain, selector, cancellationToken).GetAwaiter().GetResult();

    public override async Task<AsymmetricKeyParameter> LocatePublicKeyAsync(
        string methods, string domain, string selector, CancellationToken cancellationToken = default)
    {
        var name = $"{selector}._domainkey.{domain}";
        var records = await TxtLookup.RecordsAsync(dns, name, cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            throw new KeyNotFoundException($"No DKIM key is published at {name}.");
        }

        return GetPublicKey(records[0]);
    }
}
