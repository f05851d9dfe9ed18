using System.Text;

namespace TacoMail.Lambda.Ses.Signing;

/// <summary>
/// RFC 3986 percent-encoding as AWS defines it for SigV4 and for Query API form bodies: every
/// byte of the UTF-8 form except the unreserved <c>A-Z a-z 0-9 - . _ ~</c> becomes <c>%XX</c>
/// (upper-case hex). Unlike <c>application/x-www-form-urlencoded</c> as browsers write it, a
/// space is <c>%20</c> and <c>+</c> is <c>%2B</c>, so sub-addresses survive the trip.
/// </summary>
internal static class AwsPercentEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.All(IsUnreserved))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnreserved(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
