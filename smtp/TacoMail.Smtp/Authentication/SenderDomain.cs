using System.Globalization;
using System.Text;

namespace TacoMail.Smtp.Authentication;

/// <summary>
/// The domain of an address as SPF, DKIM and DMARC compare it and DNS is asked for it: after the
/// last <c>@</c>, lower-case, no trailing dot, and in its ASCII form (<c>xn--</c>), since an
/// SMTPUTF8 message may name a domain in Unicode while DNS knows only the ASCII one.
/// </summary>
internal static class SenderDomain
{
    /// <returns><see langword="null"/> for the null sender, an address with no domain, or one whose Unicode is not a domain name.</returns>
    public static string? Of(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        var domain = (at < 0 ? address : address[(at + 1)..]).Trim().TrimEnd('.');
        if (domain.Length == 0)
        {
            return null;
        }

        try
        {
            return Ascii.IsValid(domain) ? domain.ToLowerInvariant() : new IdnMapping().GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
