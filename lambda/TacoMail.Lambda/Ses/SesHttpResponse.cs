using System.Net;

namespace TacoMail.Lambda.Ses;

/// <summary>
/// What SES answered, read in full: the caller maps errors, because the Query API (XML) and the
/// v2 REST API (JSON) report them differently.
/// </summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="ErrorType">The <c>x-amzn-ErrorType</c> header, which REST JSON APIs use for the error code.</param>
/// <param name="Body">The response body as text.</param>
internal sealed record SesHttpResponse(HttpStatusCode StatusCode, string? ErrorType, string Body)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;
}
