using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Routing;

/// <summary>
/// Turns an envelope recipient into the key its alias is stored under. Lenient by design: mail
/// arrives with whatever case and sub-address the sender chose, and only a recipient with no
/// usable local part or domain is rejected — or one in the reserved <c>tacomail-config</c>
/// partition, which holds the reconciler's own items and never an alias.
/// </summary>
public static class RecipientNormalizer
{
    public static bool TryNormalize(
        string recipient,
        SubAddressSeparators separators,
        [NotNullWhen(true)] out RecipientLookup? lookup)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(separators);
        lookup = null;
        var text = recipient.Trim().Trim('<', '>');
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return false;
        }

        var localPart = text[..at].ToLowerInvariant();
        if (!TryAsciiDomain(text[(at + 1)..], out var domain) || domain == TableContract.ConfigPartition)
        {
            return false;
        }

        string? separator = null;
        string? subAddress = null;
        var index = separators.IndexIn(localPart);
        if (index == 0)
        {
            return false;
        }

        if (index > 0)
        {
            separator = separators.Values.First(s => string.CompareOrdinal(localPart, index, s, 0, s.Length) == 0);
            subAddress = localPart[(index + separator.Length)..];
            localPart = localPart[..index];
        }

        lookup = new RecipientLookup(recipient, new ItemKey(domain, localPart), separator, subAddress);
        return true;
    }

    private static bool TryAsciiDomain(string domain, [NotNullWhen(true)] out string? ascii)
    {
        ascii = domain.TrimEnd('.').ToLowerInvariant();
        if (ascii.Length == 0)
        {
            return false;
        }

        if (!ascii.All(char.IsAscii))
        {
            try
            {
                ascii = new IdnMapping().GetAscii(ascii).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        return true;
    }
}
