using System.Text;

namespace TacoMail.Testing.Lambda;

/// <summary>What a runtime posted to the <see cref="RuntimeApiEmulator"/>.</summary>
/// <param name="Kind"><c>response</c>, <c>error</c> or <c>init-error</c>.</param>
/// <param name="RequestId">The invocation's request id; null for an init error.</param>
/// <param name="Body">The posted bytes.</param>
/// <param name="ContentType">The request's <c>Content-Type</c>, if any.</param>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header, if any.</param>
/// <param name="Timestamp">When it arrived, as the emulator's clock's <see cref="TimeProvider.GetTimestamp"/>.</param>
public sealed record EmulatorRecord(
    string Kind,
    string? RequestId,
    byte[] Body,
    string? ContentType,
    string? ErrorType,
    long Timestamp)
{
    public const string Response = "response";
    public const string Error = "error";
    public const string InitError = "init-error";

    public string BodyText => Encoding.UTF8.GetString(Body);
}
