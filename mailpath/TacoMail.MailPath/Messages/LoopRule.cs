namespace TacoMail.MailPath.Messages;

/// <summary>
/// Decides from a message's trace whether forwarding it again would feed a loop. Every forward
/// carries an <c>X-TacoMail-Alias</c> field naming its alias, and keeps the ones before it, so a
/// message that comes back (a destination that forwards to an alias, two TacoMail installations
/// pointing at each other) shows where it has been.
/// </summary>
public static class LoopRule
{
    /// <summary>How many TacoMail forwards a message may already have passed; one more is refused.</summary>
    public const int MaxHops = 3;

    /// <param name="trace">The values of the message's <c>X-TacoMail-Alias</c> fields.</param>
    /// <param name="aliasAddress">The alias about to forward it.</param>
    /// <returns>Why forwarding is refused, or null when it may go on.</returns>
    public static string? Check(IReadOnlyList<string> trace, string aliasAddress)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentException.ThrowIfNullOrEmpty(aliasAddress);
        if (trace.Any(hop => string.Equals(hop, aliasAddress, StringComparison.OrdinalIgnoreCase)))
        {
            return $"mail loop: the message was already forwarded for this alias ({HeaderRules.AliasHeader})";
        }

        return trace.Count >= MaxHops
            ? $"mail loop: the message already passed {trace.Count} TacoMail forwards (at most {MaxHops})"
            : null;
    }
}
