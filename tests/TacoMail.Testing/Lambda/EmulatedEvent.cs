using System.Text;

namespace TacoMail.Testing.Lambda;

/// <summary>One event the <see cref="RuntimeApiEmulator"/> hands out on <c>next</c>.</summary>
/// <param name="RequestId">Sent as <c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Body">The payload.</param>
/// <param name="Deadline">
/// Sent as <c>Lambda-Runtime-Deadline-Ms</c>; when null, the emulator's clock plus <see cref="TimeLeft"/>
/// at hand-out, or no header when that is null too.
/// </param>
/// <param name="FunctionArn">Sent as <c>Lambda-Runtime-Invoked-Function-Arn</c>, when set.</param>
/// <param name="TraceId">Sent as <c>Lambda-Runtime-Trace-Id</c>, when set.</param>
public sealed record EmulatedEvent(
    string RequestId,
    byte[] Body,
    DateTimeOffset? Deadline,
    string? FunctionArn = null,
    string? TraceId = null)
{
    /// <summary>The default time from hand-out to the deadline, as a Lambda's timeout.</summary>
    public static TimeSpan DefaultTimeLeft { get; } = TimeSpan.FromSeconds(30);

    /// <summary>The time from hand-out to the deadline, on the emulator's clock, where <see cref="Deadline"/> is null.</summary>
    public TimeSpan? TimeLeft { get; init; }

    /// <summary>A UTF-8 text event due <paramref name="timeLeft"/> (default 30 s) after the emulator hands it out.</summary>
    public static EmulatedEvent Text(string requestId, string body, TimeSpan? timeLeft = null) =>
        new(requestId, Encoding.UTF8.GetBytes(body), Deadline: null) { TimeLeft = timeLeft ?? DefaultTimeLeft };
}
