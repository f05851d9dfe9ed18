using System.Runtime.ExceptionServices;
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

        // RFC 6376 3.6.2.2: several records are a misconfiguration; use the first that is a key, if any is.
        Exception? first = null;
        foreach (var record in records)
        {
            try
            {
                return GetPublicKey(record);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                first ??= ex;
            }
        }

        ExceptionDispatchInfo.Throw(first!);
        return null!;
    }
}
