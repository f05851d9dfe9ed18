using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The invocation context made up where no Runtime API gives one (<c>invoke</c>, the managed
/// runtime without a Lambda package): a fresh request id and the longest deadline SES allows.
/// </summary>
internal static class LocalInvocation
{
    /// <summary>SES waits at most 30 s for a RequestResponse Lambda action.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <param name="source">The request id's prefix, saying where the invocation came from.</param>
    /// <param name="time">The clock the deadline is taken from.</param>
    public static InvocationContext Create(string source, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new InvocationContext($"{source}-{Guid.NewGuid():N}", time.GetUtcNow() + Timeout, FunctionArn: null);
    }
}
