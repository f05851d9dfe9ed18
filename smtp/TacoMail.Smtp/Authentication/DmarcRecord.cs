namespace TacoMail.Smtp.Authentication;

/// <summary>
/// The tags of a DMARC policy record (RFC 7489 6.3, DMARCbis's <c>psd</c>) that decide alignment
/// and the organizational domain; the policy itself (<c>p=</c>) is not read, as SES's DMARC verdict
/// is about alignment only.
/// </summary>
internal sealed record DmarcRecord(bool StrictDkim, bool StrictSpf, char Psd)
{
    /// <summary>
    /// Parses one TXT record. Only a record whose first tag is <c>v=DMARC1</c> is one; an unknown
    /// tag or value is ignored, as the RFC asks, so a record from a newer version still counts.
    /// </summary>
    public static DmarcRecord? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var first = true;
        foreach (var part in text.Split(';'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                if (first)
                {
                    return null;
                }

                continue;
            }

            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (first && !(name.Equals("v", StringComparison.OrdinalIgnoreCase) && value.Equals("DMARC1", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            first = false;
            tags.TryAdd(name, value);
        }

        if (first)
        {
            return null;
        }

        return new DmarcRecord(IsStrict(tags, "adkim"), IsStrict(tags, "aspf"), PsdOf(tags));
    }

    private static bool IsStrict(Dictionary<string, string> tags, string name) =>
        tags.TryGetValue(name, out var value) && value.Equals("s", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>y</c>, <c>n</c>, or <c>u</c> (unknown, the default and any other value).</summary>
    private static char PsdOf(Dictionary<string, string> tags) =>
        tags.TryGetValue("psd", out var value) && value.Length == 1 && value[0] is 'y' or 'Y' or 'n' or 'N'
            ? char.ToLowerInvariant(value[0])
            : 'u';
}
