namespace TacoMail.Testing.Ses;

/// <summary>What <see cref="LoopbackSes"/> answers one request with; <see cref="Hang"/> never answers.</summary>
public sealed record SesAnswer(int StatusCode, string Body, string ContentType = "application/json", string? ErrorType = null)
{
    /// <summary>No answer until the server stops: for timeouts and cancellation.</summary>
    public static SesAnswer Hang { get; } = new(0, string.Empty);

    /// <summary>The default answer: SES v2 <c>SendEmail</c> succeeds; anything else is taken for a <c>SendBounce</c> that does.</summary>
    public static SesAnswer Default(SesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IsSendEmail ? Sent(request.Index) : Bounced();
    }

    public static SesAnswer Sent(int index) => new(200, $$"""{"MessageId":"ses-forward-{{index}}"}""");

    public static SesAnswer Bounced() => new(
        200,
        "<SendBounceResponse><SendBounceResult><MessageId>ses-bounce-1</MessageId></SendBounceResult></SendBounceResponse>",
        "text/xml");

    public static SesAnswer Rejected(string message) =>
        new(400, $$"""{"message":"{{message}}"}""", ErrorType: "MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/");

    public static SesAnswer Unavailable() => new(503, """{"message":"Service unavailable"}""", ErrorType: "ServiceUnavailable");

    /// <summary>A Query API (SES v1) answer: XML.</summary>
    public static SesAnswer Xml(int statusCode, string body) => new(statusCode, body, "text/xml");
}
