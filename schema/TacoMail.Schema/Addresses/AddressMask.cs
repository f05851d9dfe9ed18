using System.Globalization;
using System.Text.RegularExpressions;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Addresses;

/// <summary>
/// Hides the mailbox behind an address (<c>me@gmail.com</c> becomes <c>m***@gmail.com</c>) while
/// keeping enough to recognise which one it was: destinations are people's mailboxes and must not
/// reach logs, CI output or artifacts. The literal <c>S3</c> is not an address and stays as it is.
/// </summary>
public static partial class AddressMask
{
    private const string Stars = "***";

    /// <summary>The masked form of one address.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    public static string Mask(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address == TableContract.S3Destination)
        {
            return address;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return Stars;
        }

        var first = StringInfo.GetNextTextElementLength(address);
        return first >= at
            ? string.Concat(Stars, address.AsSpan(at))
            : string.Concat(address.AsSpan(0, first), Stars, address.AsSpan(at));
    }

    /// <summary>
    /// <paramref name="text"/> with every address in it masked: for error texts of remote services,
    /// which name whatever address they refused.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string InText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AddressPattern().Replace(text, match => Mask(match.Value));
    }

    [GeneratedRegex(@"[^\s<>""'(),;:@\[\]]+@[^\s<>""'(),;:@\[\]]+\.[^\s<>""'(),;:@\[\]]*[^\s<>""'(),;:@\[\].]", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
