using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// An alias's <c>expires</c> in table terms. The YAML keeps the date rather than a state to be
/// committed on the day, so the planner — given the time — decides whether it is due, and every
/// plan made after <see cref="At"/> holds the alias in the state it expires into.
/// </summary>
/// <param name="Key">The alias.</param>
/// <param name="At">The first instant the alias is expired.</param>
/// <param name="Then">The state it expires into: paused or disabled.</param>
internal sealed record ScheduledExpiry(ItemKey Key, DateTimeOffset At, AliasState Then)
{
    /// <summary>How far ahead plans list the expiries to come.</summary>
    public const int NoticeDays = 14;

    public bool IsDueAt(DateTimeOffset now) => now >= At;

    /// <summary>Whether the expiry falls due after <paramref name="now"/> and within <see cref="NoticeDays"/> of it.</summary>
    public bool IsComingAt(DateTimeOffset now) => now < At && At <= now.AddDays(NoticeDays);

    /// <summary>
    /// The state an alias in <paramref name="state"/> has once expired: the stricter of the two, so
    /// that an expiry never wakes up an alias already disabled by hand or by the YAML.
    /// </summary>
    public AliasState Expire(AliasState state) => AliasStateOrder.Stricter(state, Then);

    /// <summary>The state an alias in <paramref name="state"/> has at <paramref name="now"/>.</summary>
    public AliasState StateAt(AliasState state, DateTimeOffset now) => IsDueAt(now) ? Expire(state) : state;
}
