using ARSoft.Tools.Net.Dns;
using MimeKit;
using TacoMail.Schema.Routing;

namespace TacoMail.Smtp.Authentication;

/// <summary>
/// DMARC (RFC 7489) of the From domain: does an SPF or DKIM pass belong to the author's
/// organization? Policy and organizational domain come from DMARCbis's DNS tree walk, since there is
/// no public suffix list to consult here.
/// </summary>
internal sealed class DmarcCheck(IDnsResolver dns)
{
    /// <summary>DMARCbis: the walk asks at most this many names, however long the author domain.</summary>
    private const int MaxQueries = 8;

    /// <param name="message">The message, for its From.</param>
    /// <param name="spf">The SPF verdict of <paramref name="envelopeSender"/>'s domain.</param>
    /// <param name="envelopeSender">MAIL FROM, whose domain SPF vouched for.</param>
    /// <param name="dkimPassingDomains">The <c>d=</c> domains of the DKIM signatures that passed.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<VerdictStatus> CheckAsync(
        MimeMessage message, VerdictStatus spf, string? envelopeSender, IReadOnlyList<string> dkimPassingDomains, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(dkimPassingDomains);
        if (message.From.Count != 1 || message.From[0] is not MailboxAddress { Address: var address }
            || !address.Contains('@', StringComparison.Ordinal) || SenderDomain.Of(address) is not { } author)
        {
            // RFC 7489 6.6.1: no single author domain, nothing to align with.
            return VerdictStatus.Fail;
        }

        var walk = Walk(author);
        var records = new DmarcRecord?[walk.Count];
        try
        {
            for (var i = 0; i < walk.Count; i++)
            {
                records[i] = Single(await TxtLookup.RecordsAsync(dns, "_dmarc." + walk[i], cancellationToken).ConfigureAwait(false));
            }
        }
        catch (DnsLookupFailedException)
        {
            return VerdictStatus.ProcessingFailed;
        }
        catch (FormatException)
        {
            // The From domain is not a domain name: it cannot be aligned with.
            return VerdictStatus.Fail;
        }

        var policy = records.FirstOrDefault(r => r is not null);
        if (policy is null)
        {
            return VerdictStatus.Gray;
        }

        var organization = OrganizationalDomain(author, walk, records);
        var spfAligned = spf == VerdictStatus.Pass
            && SenderDomain.Of(envelopeSender) is { } mailFrom
            && Aligned(mailFrom, author, organization, policy.StrictSpf);
        var dkimAligned = dkimPassingDomains.Any(d => Aligned(d, author, organization, policy.StrictDkim));
        return spfAligned || dkimAligned ? VerdictStatus.Pass : VerdictStatus.Fail;
    }

    /// <summary>
    /// The names the tree walk asks, author domain first, then each parent up to the TLD; a name
    /// of more than eight labels skips to its rightmost seven after the first query.
    /// </summary>
    private static List<string> Walk(string author)
    {
        var labels = author.Split('.');
        var walk = new List<string> { author };
        var start = labels.Length > MaxQueries ? labels.Length - (MaxQueries - 1) : 1;
        for (var i = start; i < labels.Length; i++)
        {
            walk.Add(string.Join('.', labels[i..]));
        }

        return walk;
    }

    /// <summary>
    /// DMARCbis: the first record on the walk with <c>psd=n</c> names the organization;
    /// <c>psd=y</c> names a public suffix, below which (toward the author) the organization is;
    /// otherwise the shortest name with a record; with no record at all, the author domain.
    /// </summary>
    private static string OrganizationalDomain(string author, List<string> walk, DmarcRecord?[] records)
    {
        var organization = author;
        for (var i = 0; i < walk.Count; i++)
        {
            switch (records[i]?.Psd)
            {
                case 'n':
                    return walk[i];
                case 'y':
                    return OneLabelLonger(author, walk[i]);
                case not null:
                    organization = walk[i];
                    break;
            }
        }

        return organization;
    }

    private static string OneLabelLonger(string author, string suffix)
    {
        if (author.Length <= suffix.Length)
        {
            return author;
        }

        var head = author[..(author.Length - suffix.Length - 1)];
        var dot = head.LastIndexOf('.');
        return dot < 0 ? author : author[(dot + 1)..];
    }

    private static bool Aligned(string identifier, string author, string organization, bool strict) =>
        strict
            ? identifier.Equals(author, StringComparison.OrdinalIgnoreCase)
            : identifier.Equals(organization, StringComparison.OrdinalIgnoreCase)
                || identifier.EndsWith("." + organization, StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 7489 6.6.3: exactly one DMARC record at a name, or none counts.</summary>
    private static DmarcRecord? Single(IReadOnlyList<string> texts)
    {
        var records = texts.Select(DmarcRecord.Parse).Where(r => r is not null).Take(2).ToList();
        return records.Count == 1 ? records[0] : null;
    }
}
