using System.Net.Http.Headers;
using System.Text;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Ses;

/// <summary>
/// A Query API request body (<c>Action</c>, <c>Version</c> and the operation's parameters),
/// percent-encoded by RFC 3986 so addresses with <c>+</c>, <c>@</c>, spaces or non-ASCII
/// characters arrive exactly as given.
/// </summary>
internal static class SesQueryForm
{
    public const string Version = "2010-12-01";
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public static string Encode(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join('&', fields.Select(field =>
            $"{AwsPercentEncoding.Encode(field.Key)}={AwsPercentEncoding.Encode(field.Value)}"));
    }

    public static ByteArrayContent ToContent(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Encode(fields)));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        return content;
    }
}
