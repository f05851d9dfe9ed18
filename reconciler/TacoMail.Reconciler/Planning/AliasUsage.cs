using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// How much an alias that a change would stop or redirect is used, so a reviewer sees the impact
/// before approving: the Lambda's <c>use_count</c> and <c>last_used_datetime</c>, and whether that
/// last use falls within <see cref="RecentDays"/> of when the plan was made.
/// </summary>
/// <param name="UseCount">Messages received.</param>
/// <param name="LastUsed">The last message received; null when unknown (never, or before usage was recorded).</param>
/// <param name="IsRecent">The last use is at most <see cref="RecentDays"/> days before the plan's time.</param>
internal sealed record AliasUsage(long UseCount, DateTimeOffset? LastUsed, bool IsRecent)
{
    /// <summary>How recent a last use makes an alias busy.</summary>
    public const int RecentDays = 30;

    /// <summary>The usage <paramref name="record"/> holds, judged at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static AliasUsage Of(AliasRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        var lastUsed = record.LastUsedDatetime is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        return new AliasUsage(record.UseCount, lastUsed, lastUsed is { } at && at >= now.AddDays(-RecentDays));
    }
}
