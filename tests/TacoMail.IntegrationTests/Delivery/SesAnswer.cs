namespace TacoMail.IntegrationTests.Delivery;

/// <summary>What the loopback SES answers one call with.</summary>
internal sealed record SesAnswer(int StatusCode, string Body, string ContentType = "application/json", string? ErrorType = null)
{
    public static SesAnswer Sent(int index) => new(200, $$"""{"MessageId":"ses-forward-{{index}}"}""");

    public static SesAnswer Bounced() => new(
        200,
        "<SendBounceResponse><SendBounceResult><MessageId>ses-bounce-1</MessageId></SendBounceResult></SendBounceResponse>",
        "text/xml");

    public static SesAnswer Rejected(string message) =>
        new(400, $$"""{"message":"{{message}}"}""", ErrorType: "MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/");

    public static SesAnswer Unavailable() => new(503, """{"message":"Service unavailable"}""", ErrorType: "ServiceUnavailable");
}
