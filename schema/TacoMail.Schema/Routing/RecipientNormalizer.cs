using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Routing;

/// <summary>
/// Turns an envelope recipient into the key its alias is stored under. Lenient by design: mail
/// arrives with whatever case and sub-address the sender chose, and only a recipient with no
/// usable local part or domain is rejected — or one in the reserved <c>tacomail-config</c>
/// partition, which holds the reconciler's own items and never an alias. A quoted local part that
/// is a plain dot-atom (<c>"shop"@example.com</c>) is the same mailbox as the unquoted one
/// (RFC 5321 section 4.1.2); any other quoted local part can name no alias.
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

        if (!TryUnquote(text[..at], out var unquoted))
        {
            return false;
        }

        var localPart = unquoted.ToLowerInvariant();
        if (!TryAsciiDomain(text[(at + 1)..], out var domain) || TableContract.IsReservedPartition(domain))
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

    /// <summary>The local part without its quotes when it is a quoted dot-atom; unchanged when unquoted.</summary>
    private static bool TryUnquote(string localPart, [NotNullWhen(true)] out string? unquoted)
    {
        unquoted = localPart;
        if (!localPart.StartsWith('"'))
        {
            return true;
        }

        if (localPart.Length < 3 || !localPart.EndsWith('"'))
        {
            return false;
        }

        var builder = new System.Text.StringBuilder(localPart.Length);
        for (var i = 1; i < localPart.Length - 1; i++)
        {
            var c = localPart[i];
            if (c == '\\' && i + 1 < localPart.Length - 1)
            {
                c = localPart[++i];
            }

            builder.Append(c);
        }

        unquoted = builder.ToString();
        return IsDotAtom(unquoted);
    }

    /// <summary>RFC 5322 <c>dot-atom-text</c>, with the UTF-8 characters RFC 6532 adds to <c>atext</c>.</summary>
    private static bool IsDotAtom(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[^1] == '.' || text.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text)
        {
            var atext = c > 127
                ? !char.IsControl(c) && !char.IsWhiteSpace(c)
                : char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal);
            if (!atext)
            {
                return false;
            }
        }

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
