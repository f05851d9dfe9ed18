using System.Net;
using System.Text.Json;
using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Delivery.Sending;

/// <summary>
/// Reads an SES v2 (REST JSON) answer to <c>SendEmail</c>. Success carries <c>{"MessageId":…}</c>;
/// an error names its code in <c>x-amzn-ErrorType</c> (<c>Code:namespace</c>) or the body's
/// <c>__type</c>, and its text in <c>message</c>. Only a refusal of this message is final
/// (<see cref="PermanentCodes"/>, HTTP 400, or 413 for a body SES will never take); throttling,
/// 5xx and account-level states (sending paused, quota) are thrown so that Lambda retries.
/// </summary>
internal static class SesV2Answer
{
    /// <summary>The message itself is refused: content, headers, an unverified or suppressed address.</summary>
    public static readonly IReadOnlyList<string> PermanentCodes = ["MessageRejected", "BadRequestException", "InvalidParameterValue"];

    public const string PayloadTooLarge = "PayloadTooLarge";

    /// <exception cref="SesException">A transient error.</exception>
    public static SendResult Read(HttpStatusCode status, string? errorType, string body, string operation)
    {
        using var document = TryParse(body);
        if ((int)status is >= 200 and <= 299)
        {
            return SendResult.Sent(Property(document, "MessageId") ?? string.Empty);
        }

        var code = CodeOf(errorType) ?? CodeOf(Property(document, "__type")) ?? CodeOf(Property(document, "code"));
        var message = Property(document, "message") ?? Property(document, "Message");
        if (status == HttpStatusCode.RequestEntityTooLarge)
        {
            return SendResult.Rejected(code ?? PayloadTooLarge, message);
        }

        if (status == HttpStatusCode.BadRequest && code is not null && PermanentCodes.Contains(code, StringComparer.Ordinal))
        {
            return SendResult.Rejected(code, message);
        }

        var text = code is null
            ? $"SES answered {operation} with HTTP {(int)status}."
            : $"SES refused {operation} (HTTP {(int)status}): {code}{(message is null ? "" : ": " + message)}";
        throw new SesException(text, code, (int)status);
    }

    /// <summary><c>MessageRejected</c> from <c>MessageRejected:http://…</c> or <c>com.amazon…#MessageRejected</c>.</summary>
    private static string? CodeOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Split(':', 2)[0];
        var hash = code.LastIndexOf('#');
        code = (hash >= 0 ? code[(hash + 1)..] : code).Trim();
        return code.Length == 0 ? null : code;
    }

    private static string? Property(JsonDocument? document, string name) =>
        document?.RootElement.ValueKind == JsonValueKind.Object
        && document.RootElement.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonDocument? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
