using TacoMail.Reconciler.Durations;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Queue;

namespace TacoMail.Reconciler.Queue;

/// <summary>
/// The words both queue renderers share: states, the envelope sender (a third party's address,
/// masked unless the owner asks), and the summary line, so text and JSON never disagree.
/// </summary>
internal static class QueueText
{
    public const string NullSender = "<>";

    public static string State(QueueEntryState state) => state switch
    {
        QueueEntryState.Queued => "queued",
        QueueEntryState.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Undefined queue state."),
    };

    /// <summary>MAIL FROM as shown: <c>&lt;&gt;</c> for the null sender, masked unless <paramref name="showSenders"/>.</summary>
    public static string Sender(string? sender, bool showSenders) =>
        sender is null or "" ? NullSender : showSenders ? sender : AddressMask.Mask(sender);

    /// <summary>The last error with any address in it masked unless <paramref name="showSenders"/> (the Lambda should write none).</summary>
    public static string? Error(string? error, bool showSenders) =>
        error is null || showSenders ? error : AddressMask.InText(error);

    /// <summary><c>3 queued, 1 failed; oldest 2 h 10 min</c>, plus the unreadable entries when there are any.</summary>
    public static string Summary(QueueSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = $"{snapshot.Queued} queued, {snapshot.Failed} failed";
        if (snapshot.Unreadable > 0)
        {
            text += $", {snapshot.Unreadable} unreadable";
        }

        return snapshot.OldestAge is { } oldest ? $"{text}; oldest {DurationText.Age(oldest)}" : text;
    }

    /// <summary>When the sweep tries again: <c>due</c>, <c>in 4 min</c>; a failed message is not retried.</summary>
    public static string NextAttempt(QueueEntry entry, QueueEntryState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (state == QueueEntryState.Failed)
        {
            return "given up";
        }

        return entry.NextAttemptAt <= now ? "due" : $"in {DurationText.Age(entry.NextAttemptAt - now)}";
    }
}
