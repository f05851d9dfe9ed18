namespace TacoMail.Smtp.Authentication;

/// <summary>The domain of an address as SPF and DMARC compare it: after the last <c>@</c>, lower-case, no trailing dot.</summary>
internal static class SenderDomain
{
    /// <returns><see langword="null"/> for the null sender or an address with no domain.</returns>
    public static string? Of(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        var domain = (at < 0 ? address : address[(at + 1)..]).Trim().TrimEnd('.');
        return domain.Length == 0 ? null : domain.ToLowerInvariant();
    }
}
