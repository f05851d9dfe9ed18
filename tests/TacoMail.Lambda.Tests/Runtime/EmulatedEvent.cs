using System.Text;

namespace TacoMail.Lambda.Tests.Runtime;

/// <summary>One event the <see cref="RuntimeApiEmulator"/> hands out on <c>next</c>.</summary>
/// <param name="RequestId">Sent as <c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Body">The payload.</param>
/// <param name="Deadline">Sent as <c>Lambda-Runtime-Deadline-Ms</c>; omitted when null.</param>
/// <param name="FunctionArn">Sent as <c>Lambda-Runtime-Invoked-Function-Arn</c>, when set.</param>
/// <param name="TraceId">Sent as <c>Lambda-Runtime-Trace-Id</c>, when set.</param>
internal sealed record EmulatedEvent(
    string RequestId,
    byte[] Body,
    DateTimeOffset? Deadline,
    string? FunctionArn = null,
    string? TraceId = null)
{
    /// <summary>A UTF-8 text event due in <paramref name="timeout"/> from now (default 30 s).</summary>
    public static EmulatedEvent Text(string requestId, string body, TimeSpan? timeout = null) =>
        new(requestId, Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)));
}
