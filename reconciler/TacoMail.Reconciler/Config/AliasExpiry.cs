using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Config;

/// <summary>
/// When an alias stops being what its <c>state</c> says, and what it becomes then. The YAML keeps
/// the expiry, so nothing has to be committed on the day: every plan made after <see cref="At"/>
/// (the nightly run's included) plans the alias in <see cref="Then"/>.
/// </summary>
/// <param name="At">
/// The first instant the alias is expired. A bare date (<c>expires: 2027-03-31</c>) means that
/// day's start in UTC; a date-time carries its own offset.
/// </param>
/// <param name="Then">The state from then on: <see cref="AliasState.Paused"/> or <see cref="AliasState.Disabled"/> (the default).</param>
/// <param name="Source">Where <c>expires</c> is written.</param>
internal sealed record AliasExpiry(DateTimeOffset At, AliasState Then, SourceLocation Source)
{
    /// <summary>Whether the alias is expired at <paramref name="now"/>.</summary>
    public bool IsDueAt(DateTimeOffset now) => now >= At;
}
