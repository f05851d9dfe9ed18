namespace TacoMail.Schema.Model;

/// <summary>
/// How much of its mail a state stops: active delivers, paused drops, disabled bounces. An alias
/// that expires keeps the stricter of its state and its <c>then</c>, so that an expiry never wakes
/// up an alias already stopped; validation and planning both decide that here.
/// </summary>
public static class AliasStateOrder
{
    /// <summary>The stricter of <paramref name="state"/> and <paramref name="other"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined state.</exception>
    public static AliasState Stricter(AliasState state, AliasState other) =>
        Strictness(other) > Strictness(state) ? other : state;

    private static int Strictness(AliasState state) => state switch
    {
        AliasState.Active => 0,
        AliasState.Paused => 1,
        AliasState.Disabled => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Undefined alias state."),
    };
}
