namespace TacoMail.Lambda.Disposition;

/// <summary>
/// The invocation's deadline, seen through the injected clock. SES waits at most 30 s for a
/// RequestResponse answer and Lambda kills the function at its deadline; either way a late answer
/// is no answer, so no call starts with less than <see cref="MinimumForCall"/> left and every call
/// is cancelled <see cref="ResponseReserve"/> before the deadline, leaving time to answer CONTINUE.
/// </summary>
internal sealed class InvocationDeadline(DateTimeOffset deadline, TimeProvider time)
{
    public static TimeSpan MinimumForCall { get; } = TimeSpan.FromSeconds(1);

    public static TimeSpan ResponseReserve { get; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan Remaining => deadline - time.GetUtcNow();

    /// <summary>Whether there is time to start a remote call.</summary>
    public bool AllowsCall => Remaining >= MinimumForCall;

    /// <summary>A token cancelled by <paramref name="cancellationToken"/> or shortly before the deadline.</summary>
    public CallTimeout StartCall(CancellationToken cancellationToken) =>
        new(Remaining - ResponseReserve, time, cancellationToken);

    /// <summary>For error messages: <c>"0.4 s left"</c>.</summary>
    public string Describe() => $"{Math.Max(0, Remaining.TotalSeconds):0.0} s left";
}
