using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// One alias item as <c>tacomail stats</c> reports it, judged at <see cref="At"/>. Its use is the
/// plan's <see cref="AliasUsage"/>, so that stats and a plan never disagree on an alias's use.
/// </summary>
/// <param name="Key">The item's key: the alias address.</param>
/// <param name="State">What the alias does with mail.</param>
/// <param name="Destination">Where its mail goes, unmasked; renderers mask it when asked.</param>
/// <param name="Created">When the reconciler created the item.</param>
/// <param name="Usage">Messages received and the last one; its last use is null when unknown.</param>
/// <param name="At">When the table was read: the "now" every age is measured from.</param>
internal sealed record AliasStats(ItemKey Key, AliasState State, string Destination, DateTimeOffset Created, AliasUsage Usage, DateTimeOffset At)
{
    public string Domain => Key.SubDomain;

    public string Address => Key.FullAddress;

    public long UseCount => Usage.UseCount;

    /// <summary>The last message received, or null when unknown: never used since the delivery records it, or only before.</summary>
    public DateTimeOffset? LastUsed => Usage.LastUsed;

    /// <summary>How long since the last use, never negative (a Lambda clock ahead of this one); null when the last use is unknown.</summary>
    public TimeSpan? UnusedFor => LastUsed is { } lastUsed ? Max(At - lastUsed) : null;

    /// <summary>How long the item has existed, never negative.</summary>
    public TimeSpan Age => Max(At - Created);

    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static AliasStats Of(AliasRecord record, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AliasStats(
            record.Key, record.State, record.Destination, DateTimeOffset.FromUnixTimeSeconds(record.CreatedDatetime), AliasUsage.Of(record, at), at);
    }

    /// <summary>
    /// Whether the alias is a candidate to disable after <paramref name="duration"/> without mail:
    /// it still takes mail (active or paused; a disabled alias bounces already) and received none
    /// in the last <paramref name="duration"/> — its last use is at least that long ago, or, when
    /// the last use is unknown, the alias has existed at least that long (a younger alias has not
    /// had the time to go unused, and an unknown use is no evidence of a recent one).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public bool IsUnusedFor(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return State != AliasState.Disabled && (UnusedFor ?? Age) >= duration;
    }

    private static TimeSpan Max(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
