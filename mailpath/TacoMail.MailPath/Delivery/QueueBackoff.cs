namespace TacoMail.MailPath.Delivery;

/// <summary>
/// When a message that could not be delivered is tried again: Postfix's schedule, doubling from
/// <see cref="Minimal"/> (<c>minimal_backoff_time</c>) up to <see cref="Maximal"/>
/// (<c>maximal_backoff_time</c>), so a destination that is down for hours is not hammered and one
/// that is back soon is not waited for long.
/// </summary>
public static class QueueBackoff
{
    public static TimeSpan Minimal { get; } = TimeSpan.FromSeconds(300);

    public static TimeSpan Maximal { get; } = TimeSpan.FromSeconds(4000);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1 for the first).</summary>
    public static TimeSpan After(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var seconds = Minimal.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, Maximal.TotalSeconds));
    }
}
